import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { flutterwave } from '../providers/flutterwave.js';

// Secret keys: `FLWSECK-` (live) or `FLWSECK_TEST-` + 32 hex + `-X`
// (https://developer.flutterwave.com/docs/api-keys).
export const flutterwaveSecretKey: Detector = {
  id: 'flutterwave-secret-key',
  provider: 'other',
  keyKind: 'Flutterwave secret key',
  severity: 'critical',
  risk: 'A Flutterwave secret key charges cards, makes transfers and payouts, and reads the account’s transactions.',
  remediation: flutterwave.remediation,
  keywords: ['flwseck'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK(?:_TEST)?-[0-9a-f]{32}-X)(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 56 },
  validate: (s) => hasLetterAndDigit(s.slice(s.indexOf('-') + 1, -2)),
  redactPrefix: (s) => s.slice(0, s.indexOf('-') + 1),
  examples: {
    positive: (rng) => [
      `FLWSECK-${rng.string(HEX, 15)}c2${rng.string(HEX, 15)}-X`,
      `FLWSECK_TEST-${rng.string(HEX, 15)}9d${rng.string(HEX, 15)}-X`,
    ],
    negative: ['FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X', 'FLWSECK_TEST-SANDBOXDEMOKEY-X'],
  },
};
