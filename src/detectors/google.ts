import type { Detector } from './detector.js';
import { ALNUM, URLSAFE } from './alphabets.js';

export const googleApiKey: Detector = {
  id: 'google-api-key',
  provider: 'google',
  keyKind: 'Google API key',
  severity: 'high',
  risk: 'A Google API key bills its project for every API it is allowed to call (Maps, Gemini, …) and may read data those APIs expose.',
  remediation:
    'Delete or regenerate the key at https://console.cloud.google.com/apis/credentials now — deleting the commit does not make ' +
    'it safe: history, forks and caches keep it. Restrict the new key to the APIs and referrers that need it, update the ' +
    'environment secret, and check the project’s billing and API metrics.',
  keywords: ['aiza'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g,
  redactPrefix: () => 'AIza',
  minEntropy: 4,
  examples: {
    positive: (rng) => [`AIzaSy${rng.string(URLSAFE, 33)}`, `AIza${rng.string(ALNUM, 35)}`],
    negative: [
      'AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
      'AIzaSy-your-api-key',
    ],
  },
};
