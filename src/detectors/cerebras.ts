import type { Detector } from './detector.js';
import { DIGITS, LOWER } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { cerebras } from '../providers/cerebras.js';

// `csk-` + 48 lower-case letters and digits, as the Cerebras console issues them
// (https://inference-docs.cerebras.ai/quickstart: "keys start with csk-").
export const cerebrasApiKey: Detector = prefixedKey({
  id: 'cerebras-api-key',
  provider: 'cerebras',
  keyKind: 'Cerebras API key',
  severity: 'high',
  risk: 'A Cerebras key runs inference billed to the owner’s account.',
  remediation: cerebras.remediation,
  prefixes: ['csk-'],
  body: '[a-z0-9]{48}',
  maxBody: 48,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`csk-${rng.string(LOWER + DIGITS, 22)}k9${rng.string(LOWER + DIGITS, 24)}`],
    negative: ['CEREBRAS_API_KEY=csk-...', 'csk-xxxxxxxxxxxxxxxxxxxxxx', `csk-${'x'.repeat(48)}`],
  },
});
