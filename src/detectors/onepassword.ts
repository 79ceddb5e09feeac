import type { Detector } from './detector.js';
import { ALNUM, BASE64, DIGITS, UPPER } from './alphabets.js';
import { revokeAt } from '../providers/revoke-at.js';
import { isMixedAlnum } from './token-shape.js';
import { onepassword } from '../providers/onepassword.js';

// Service account tokens: `ops_` + base64url JSON (`{"signInAddress":…,"email":…,"muk":…}`), several
// hundred characters (https://developer.1password.com/docs/service-accounts/).
export const onepasswordServiceAccountToken: Detector = {
  id: 'onepassword-service-account-token',
  provider: 'other',
  keyKind: '1Password service account token',
  severity: 'critical',
  risk: 'A service account token reads every item in the vaults it was granted, often production credentials.',
  remediation: onepassword.remediation,
  keywords: ['ops_eyj'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ops_eyJ[A-Za-z0-9+/_-]{200,2000}={0,2})(?![A-Za-z0-9+/=_-])/g,
  window: { before: 8, after: 2020 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'ops_',
  examples: {
    positive: (rng) => {
      const json = JSON.stringify({
        signInAddress: 'https://my.1password.com',
        email: `${rng.string(ALNUM, 12).toLowerCase()}@1passwordserviceaccounts.com`,
        muk: { alg: 'A256GCM', k: rng.string(ALNUM, 43) },
        secretKey: `A3-${rng.string(UPPER + DIGITS, 6)}`,
        srpX: rng.string(BASE64, 64),
      });
      return [`ops_${Buffer.from(json).toString('base64url')}`];
    },
    negative: ['ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...', 'ops_token is secret', `ops_eyJ${'x'.repeat(300)}`],
  },
};

// Account secret keys: `A3-` + 6 + (11, or 6 and 5) + three groups of 5 upper-case alphanumerics
// (https://support.1password.com/secret-key/).
export const onepasswordSecretKey: Detector = {
  id: 'onepassword-secret-key',
  provider: 'other',
  keyKind: '1Password account Secret Key',
  severity: 'high',
  risk: 'The Secret Key is half of what unlocks a 1Password account; with the password (often leaked beside it) the attacker reads every vault.',
  remediation: revokeAt('1Password (Profile → Secret Key → Regenerate)', 'change the account password too'),
  keywords: ['a3-'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9_-])/g,
  window: { before: 4, after: 48 },
  validate: (s) => /[0-9]/.test(s.slice(3)) && /[A-Z]/.test(s.slice(3)),
  redactPrefix: () => 'A3-',
  examples: {
    positive: (rng) => {
      const g = (n: number) => rng.string(UPPER + DIGITS, n);
      return [`A3-${g(6)}-${g(6)}-${g(5)}-${g(5)}-${g(5)}-${g(5)}`.replace(/^A3-(.)/, 'A3-7')];
    },
    negative: ['A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX'],
  },
};
