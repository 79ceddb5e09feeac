import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { fireworks } from '../providers/fireworks.js';

// `fw_` + a base62 body (the console's keys, https://docs.fireworks.ai/api-reference/introduction:
// "it looks like fw_…"); the length has varied, so 20 to 48 characters of mixed case and a digit.
// `fw_` also starts firmware identifiers (`fw_version`, `fw_update`): they are lower-case words, never
// a mixed-case run with digits.
export const fireworksApiKey: Detector = prefixedKey({
  id: 'fireworks-api-key',
  provider: 'fireworks',
  keyKind: 'Fireworks AI API key',
  severity: 'high',
  risk: 'A Fireworks key runs inference and fine-tunes billed to the account and reads its deployed models and datasets.',
  remediation: fireworks.remediation,
  prefixes: ['fw_'],
  body: '[A-Za-z0-9]{20,48}',
  maxBody: 48,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [
      `fw_${rng.string(ALNUM, 10)}Kp3${rng.string(ALNUM, 11)}`,
      `fw_${rng.string(ALNUM, 15)}x8Q${rng.string(ALNUM, 15)}`,
    ],
    negative: [
      'FIREWORKS_API_KEY=fw_...',
      'fw_session_hairpin',
      'fw_your_fireworks_key',
      'FW_THROTTLE_ALLOWED_REQ_STS',
      'fw_xxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
});
