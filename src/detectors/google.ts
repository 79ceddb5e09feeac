import type { Detector } from './detector.js';
import { ALNUM, URLSAFE } from './alphabets.js';
import { google } from '../providers/google.js';

export const googleApiKey: Detector = {
  id: 'google-api-key',
  provider: 'google',
  keyKind: 'Google API key',
  severity: 'high',
  risk: 'A Google API key bills its project for every API it is allowed to call (Maps, Gemini, …) and may read data those APIs expose.',
  remediation: google.remediation,
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
