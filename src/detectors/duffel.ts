import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { duffel } from '../providers/duffel.js';

// Access tokens: `duffel_live_` / `duffel_test_` + 43 URL-safe characters
// (https://duffel.com/docs/api/overview/making-requests/authentication).
export const duffelAccessToken: Detector = {
  id: 'duffel-access-token',
  provider: 'other',
  keyKind: 'Duffel access token',
  severity: 'high',
  risk: 'A live Duffel token books and pays for flights and stays from the account’s balance and reads its travellers’ personal data.',
  remediation: duffel.remediation,
  keywords: ['duffel_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>duffel_(?:live|test)_[A-Za-z0-9_=-]{43})(?![A-Za-z0-9_=-])/g,
  window: { before: 2, after: 60 },
  validate: (s) => isMixedAlnum(s.slice(12)),
  redactPrefix: (s) => s.slice(0, 12),
  examples: {
    positive: (rng) => [`duffel_live_${rng.string(URLSAFE, 20)}Df4${rng.string(URLSAFE, 20)}`],
    negative: [`duffel_test_${'X'.repeat(43)}`, 'duffel_test_...'],
  },
};
