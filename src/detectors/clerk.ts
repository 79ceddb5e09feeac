import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { clerk } from '../providers/clerk.js';

// Secret keys start `sk_live_` / `sk_test_` (https://clerk.com/docs/guides/secure/rotate-api-keys), as
// Stripe's do: only a Clerk name says whose, so a Stripe key stays Stripe's.
export const clerkSecretKey: Detector = {
  id: 'clerk-secret-key',
  provider: 'other',
  keyKind: 'Clerk secret key',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Clerk secret key calls the Backend API: it reads and changes every user, session and organisation of the instance and signs in as any user.',
  remediation: clerk.remediation,
  keywords: ['clerk'],
  pattern: namedValue('clerk[A-Za-z0-9_.-]{0,24}?(?:secret|api[_.-]?key)', 'sk_(?:live|test)_[A-Za-z0-9]{20,100}'),
  window: namedWindow(108),
  validate: (s) => isMixedAlnum(s.slice(8)),
  redactPrefix: (s) => s.slice(0, 8),
  examples: {
    positive: (rng) => [
      `sk_live_${rng.string(ALNUM, 21)}Ck6${rng.string(ALNUM, 21)}`,
      `sk_test_${rng.string(ALNUM, 21)}Ck1${rng.string(ALNUM, 21)}`,
    ],
    negative: ['sk_live_...', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    assignedTo: 'CLERK_SECRET_KEY',
  },
};
