import type { Detector } from './detector.js';
import { DIGITS, LOWER } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { helicone } from '../providers/helicone.js';

const LOWER_ALNUM = LOWER + DIGITS;

// `sk-helicone-` (read) or `pk-helicone-` (write), `eu-` for EU keys, then four groups of seven
// lower-case letters and digits (https://docs.helicone.ai/ai-gateway/helicone-integration).
export const heliconeApiKey: Detector = prefixedKey({
  id: 'helicone-api-key',
  provider: 'helicone',
  keyKind: 'Helicone API key',
  severity: 'high',
  risk: 'A Helicone key reads the logged prompts and responses of its organization, or sends requests through its gateway on the account’s credits.',
  remediation: helicone.remediation,
  prefixes: ['sk-helicone-', 'pk-helicone-'],
  body: '(?:eu-)?[a-z0-9]{7}(?:-[a-z0-9]{7}){3}',
  maxBody: 34,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => {
      const group = () => `${rng.string(LOWER_ALNUM, 5)}${rng.string(DIGITS, 1)}${rng.string(LOWER, 1)}`;
      return [
        `sk-helicone-${group()}-${group()}-${group()}-${group()}`,
        `pk-helicone-eu-${group()}-${group()}-${group()}-${group()}`,
      ];
    },
    negative: [
      'sk-helicone-test-key',
      'sk-helicone-xxxxxxx-xxxxxxx-xxxxxxx-xxxxxxx',
      'HELICONE_API_KEY=sk-helicone-...',
      'sk-helicone-proxy',
    ],
  },
});
