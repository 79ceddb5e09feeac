import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { amplitude } from '../providers/amplitude.js';

// The secret key is 32 hex with no prefix (https://amplitude.com/docs/apis/keys-and-tokens). The
// project's API key ships in the browser and is not a secret alone, so only secret names count.
export const amplitudeSecretKey: Detector = namedKey({
  id: 'amplitude-secret-key',
  provider: 'amplitude',
  keyKind: 'Amplitude secret key',
  severity: 'high',
  risk: 'An Amplitude secret key, beside the project’s API key, exports its raw events and user data and deletes users.',
  remediation: amplitude.remediation,
  names: [
    ['amplitude', 'secret', 'key'],
    ['amplitude', 'api', 'secret'],
    ['amplitude', 'secret'],
  ],
  keywords: ['amplitude'],
  value: '[a-f0-9]{32}',
  maxValue: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}a2${rng.string(HEX, 15)}`],
    negative: ['your-amplitude-secret-key', '${AMPLITUDE_SECRET_KEY}', '00000000000000000000000000000000'],
  },
});
