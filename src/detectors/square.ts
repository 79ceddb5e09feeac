import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { square } from '../providers/square.js';

// OAuth access tokens (`sq0atp-` + 22) and application secrets (`sq0csp-` + 43), URL-safe base64
// (https://developer.squareup.com/docs/build-basics/access-tokens).
export const squareToken: Detector = {
  id: 'square-token',
  provider: 'other',
  keyKind: 'Square access token or application secret',
  severity: 'critical',
  risk: 'A Square token takes payments, issues refunds and reads the customers of the seller account.',
  remediation: square.remediation,
  keywords: ['sq0atp-', 'sq0csp-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43}))(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 60 },
  validate: (s) => hasLetterAndDigit(s.slice(7)),
  redactPrefix: (s) => s.slice(0, 7),
  examples: {
    positive: (rng) => [
      `sq0atp-${rng.string(URLSAFE, 10)}k2${rng.string(URLSAFE, 10)}`,
      `sq0csp-${rng.string(URLSAFE, 20)}m7${rng.string(URLSAFE, 21)}`,
    ],
    negative: ['sq0atp-', 'sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
