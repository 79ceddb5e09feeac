import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasTwoClasses } from './token-shape.js';
import { razorpay } from '../providers/razorpay.js';

// The key secret is 24 base62 characters beside a `rzp_live_`/`rzp_test_` key id
// (https://razorpay.com/docs/api/authentication). The key id alone is public (Checkout sends it from
// the browser), so it is not reported; the secret has no prefix, so only a Razorpay name says whose.
export const razorpayKeySecret: Detector = {
  id: 'razorpay-key-secret',
  provider: 'other',
  keyKind: 'Razorpay key secret',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Razorpay key secret, with its key id, creates orders, captures and refunds payments and reads the account’s settlements.',
  remediation: razorpay.remediation,
  keywords: ['razorpay'],
  pattern: namedValue('razorpay[A-Za-z0-9_.-]{0,24}?secret', '[A-Za-z0-9]{24}'),
  window: namedWindow(24),
  validate: (s) => hasTwoClasses(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 11)}Rz5${rng.string(ALNUM, 10)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXX', 'YOUR_RAZORPAY_KEY_SECRET'],
    assignedTo: 'RAZORPAY_KEY_SECRET',
  },
};
