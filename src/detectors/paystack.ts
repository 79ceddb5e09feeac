import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { paystack } from '../providers/paystack.js';

// Secret keys are `sk_live_` / `sk_test_` + 40 hex (https://paystack.com/docs/api/authentication/), the
// prefixes Stripe (and others) use too: only a Paystack name says whose, so a Stripe key stays Stripe's.
export const paystackSecretKey: Detector = {
  id: 'paystack-secret-key',
  provider: 'other',
  keyKind: 'Paystack secret key',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Paystack secret key charges customers, initiates transfers and refunds, and reads the account’s transactions.',
  remediation: paystack.remediation,
  keywords: ['paystack'],
  pattern: namedValue('paystack[A-Za-z0-9_.-]{0,24}?(?:secret|key)', 'sk_(?:live|test)_[0-9a-f]{40}'),
  window: namedWindow(48),
  validate: (s) => hasLetterAndDigit(s.slice(8)),
  redactPrefix: (s) => s.slice(0, 8),
  examples: {
    positive: (rng) => [`sk_live_${rng.string(HEX, 19)}a4${rng.string(HEX, 19)}`],
    negative: ['sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pk_live_0d4d2e0cf3b1a1c2e8e4b9d0a5f6c7e8d9a0b1c2'],
    assignedTo: 'PAYSTACK_SECRET_KEY',
  },
};
