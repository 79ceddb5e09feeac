import type { Detector } from './detector.js';
import { HEX, URLSAFE } from './alphabets.js';
import { namedKey } from './named-key.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { together } from '../providers/together.js';

const risk = 'A Together key runs inference, fine-tunes and GPU clusters billed to the owner’s account.';

// Keys since 2025: `tgp_v1_` + 43 URL-safe characters (https://api.together.ai/settings/api-keys).
export const togetherApiKey: Detector = prefixedKey({
  id: 'together-api-key',
  provider: 'together',
  keyKind: 'Together AI API key',
  severity: 'high',
  risk,
  remediation: together.remediation,
  prefixes: ['tgp_v1_'],
  body: '[A-Za-z0-9_-]{43}',
  maxBody: 43,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`tgp_v1_${rng.string(URLSAFE, 20)}Hm3${rng.string(URLSAFE, 20)}`],
    negative: ['TOGETHER_API_KEY=tgp_v1_...', 'tgp_v1_your_together_api_key_goes_here_ok'],
  },
});

// Older keys are 64 hex characters with no prefix: only TOGETHER_API_KEY (the SDKs' variable,
// https://docs.together.ai/reference/authentication-1) tells them from a SHA-256.
export const togetherLegacyKey: Detector = namedKey({
  id: 'together-legacy-key',
  provider: 'together',
  keyKind: 'Together AI API key (64 hex)',
  severity: 'high',
  risk,
  remediation: together.remediation,
  names: [
    ['together', 'api', 'key'],
    ['together', 'ai', 'api', 'key'],
    ['togetherai', 'api', 'key'],
  ],
  keywords: ['together'],
  value: '[a-f0-9]{64}',
  maxValue: 64,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 31)}d4${rng.string(HEX, 31)}`],
    negative: ['your-together-api-key', '${TOGETHER_API_KEY}', 'xxxxxxxxxxxxxxxx'],
  },
});
