import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { langfuse } from '../providers/langfuse.js';

// Secret keys are `sk-lf-` + a UUID; the public key (`pk-lf-`) is only its user name, so it is left
// alone (https://langfuse.com/faq/all/where-are-langfuse-api-keys).
export const langfuseSecretKey: Detector = prefixedKey({
  id: 'langfuse-secret-key',
  provider: 'langfuse',
  keyKind: 'Langfuse secret key',
  severity: 'high',
  risk: 'A Langfuse secret key reads every trace, prompt and score of its project and writes new ones.',
  remediation: langfuse.remediation,
  prefixes: ['sk-lf-'],
  body: '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
  maxBody: 36,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [
      `sk-lf-${rng.string(HEX, 7)}e-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-a${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`,
    ],
    negative: ['LANGFUSE_SECRET_KEY=sk-lf-...', 'sk-lf-00000000-0000-0000-0000-000000000000', 'pk-lf-1234'],
  },
});
