import type { Detector } from './detector.js';
import { DIGITS, HEX, UPPER } from './alphabets.js';
import { UUID_VALUE, namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { scaleway } from '../providers/scaleway.js';

const remediation = scaleway.remediation;

// Access keys: `SCW` + 17 upper-case letters and digits (the SDKs' own placeholder is
// `SCWXXXXXXXXXXXXXXXXX`; https://www.scaleway.com/en/docs/iam/concepts/#api-key).
export const scalewayAccessKey: Detector = {
  id: 'scaleway-access-key',
  provider: 'other',
  keyKind: 'Scaleway API access key',
  severity: 'medium',
  risk: 'An access key names a Scaleway API key; beside its secret key it acts with every permission of its IAM user or application.',
  remediation,
  keywords: ['scw'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>SCW[A-Z0-9]{17})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 28 },
  // Random over 36 characters holds a digit and a handful of distinct characters; shouting prose does not.
  validate: (s) => /[0-9]/.test(s.slice(3)) && /[A-Z]/.test(s.slice(3)) && new Set(s.slice(3)).size >= 8,
  redactPrefix: () => 'SCW',
  examples: {
    positive: (rng) => [`SCW${rng.string(UPPER, 7)}${rng.string(DIGITS, 3)}${rng.string(UPPER + DIGITS, 7)}`],
    negative: ['SCWXXXXXXXXXXXXXXXXX', 'SCW12345678901234567', 'SCWACCESSKEYEXAMPLE1'],
  },
};

// Secret keys: a UUID, only beside a Scaleway name (`SCW_SECRET_KEY`, the variable every Scaleway tool reads).
export const scalewaySecretKey: Detector = {
  id: 'scaleway-secret-key',
  provider: 'other',
  keyKind: 'Scaleway API secret key',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Scaleway secret key acts on the organization’s instances, buckets, databases and IAM with every permission of its bearer.',
  remediation,
  // `scw` (the access key's keyword too) is in every name the pattern accepts but `scaleway…`.
  keywords: ['scw', 'scaleway'],
  pattern: namedValuePattern(['scw_', 'scw-', 'scwsecret', 'scaleway'], UUID_VALUE),
  window: namedValueWindow(36),
  validate: (_s, { match }) => namesVendorSecret(match),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${rng.string(HEX, 8)}-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-a${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`,
    ],
    negative: ['xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', '00000000-0000-0000-0000-000000000000'],
    assignedTo: 'SCW_SECRET_KEY',
  },
};
