import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { replicate } from '../providers/replicate.js';

// `r8_` + 37 base62 characters, 40 in all (https://replicate.com/docs/topics/security/api-tokens).
export const replicateApiToken: Detector = prefixedKey({
  id: 'replicate-api-token',
  provider: 'replicate',
  keyKind: 'Replicate API token',
  severity: 'high',
  risk: 'A Replicate token runs and trains models billed to the owner’s account and reads its predictions and deployments.',
  remediation: replicate.remediation,
  prefixes: ['r8_'],
  body: '[A-Za-z0-9]{37}',
  maxBody: 37,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`r8_${rng.string(ALNUM, 17)}Hb5${rng.string(ALNUM, 17)}`],
    negative: [
      'r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'REPLICATE_API_TOKEN=r8_...',
      'r8_abc123',
      `ar8_${'Ab1'.repeat(12)}A`,
    ],
  },
});
