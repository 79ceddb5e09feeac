import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { wandb } from '../providers/wandb.js';

const risk = 'A W&B key reads and writes every run, artifact, model and dataset of its user’s entities and teams.';

// Keys since 2025: `wandb_v1_` + a base62 id, `_` and a base62 secret (about 27 and 49 characters),
// as https://wandb.ai/authorize issues them.
export const wandbApiKey: Detector = prefixedKey({
  id: 'wandb-api-key',
  provider: 'wandb',
  keyKind: 'Weights & Biases API key',
  severity: 'high',
  risk,
  remediation: wandb.remediation,
  prefixes: ['wandb_v1_'],
  body: '[A-Za-z0-9]{20,32}_[A-Za-z0-9]{40,60}',
  maxBody: 93,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`wandb_v1_${rng.string(ALNUM, 27)}_${rng.string(ALNUM, 23)}Wb4${rng.string(ALNUM, 23)}`],
    negative: ['WANDB_API_KEY=wandb_v1_...', 'wandb_v1_REDACTED', 'wandb_v1_xxx'],
  },
});

// Older keys: 40 hex characters, told from a SHA-1 only by WANDB_API_KEY
// (https://docs.wandb.ai/guides/track/environment-variables/).
export const wandbLegacyKey: Detector = namedKey({
  id: 'wandb-legacy-key',
  provider: 'wandb',
  keyKind: 'Weights & Biases API key (40 hex)',
  severity: 'high',
  risk,
  remediation: wandb.remediation,
  names: [['wandb', 'api', 'key']],
  keywords: ['wandb'],
  value: '[a-f0-9]{40}',
  maxValue: 40,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 19)}b5${rng.string(HEX, 19)}`],
    negative: ['your-wandb-api-key', '${WANDB_API_KEY}', '0000000000000000000000000000000000000000'],
  },
});
