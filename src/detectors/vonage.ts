import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasTwoClasses } from './token-shape.js';
import { vonage } from '../providers/vonage.js';

// The API secret is 16 base62 characters beside an 8-character API key
// (https://developer.vonage.com/en/getting-started/concepts/authentication): only the name says whose.
export const vonageApiSecret: Detector = {
  id: 'vonage-api-secret',
  provider: 'other',
  keyKind: 'Vonage (Nexmo) API secret',
  severity: 'high',
  confidence: 'low',
  risk: 'A Vonage API secret, with its key, sends SMS and places calls billed to the account and reads their records.',
  remediation: vonage.remediation,
  keywords: ['vonage', 'nexmo'],
  pattern: namedValue('(?:vonage|nexmo)[A-Za-z0-9_.-]{0,24}?secret', '[A-Za-z0-9]{16}'),
  window: namedWindow(16),
  minEntropy: 3,
  validate: (s) => hasTwoClasses(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 7)}k2${rng.string(ALNUM, 7)}`],
    negative: ['XXXXXXXXXXXXXXXX', 'your_api_secret0', 'abcdefghijklmnop'],
    assignedTo: 'VONAGE_API_SECRET',
  },
};
