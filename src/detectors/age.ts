import type { Detector } from './detector.js';
import { age } from '../providers/age.js';

// Bech32 alphabet: an age identity is `AGE-SECRET-KEY-1` + 58 characters of it
// (https://github.com/C2SP/C2SP/blob/main/age.md).
const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

export const ageSecretKey: Detector = {
  id: 'age-secret-key',
  provider: 'other',
  keyKind: 'age secret key (identity)',
  severity: 'critical',
  risk: 'An age identity decrypts every file and secret (sops, chezmoi, backups) encrypted to its recipient.',
  remediation: age.remediation,
  keywords: ['age-secret-key-1'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/g,
  window: { before: 4, after: 80 },
  redactPrefix: () => 'AGE-SECRET-KEY-1',
  examples: {
    positive: (rng) => [`AGE-SECRET-KEY-1${rng.string(BECH32, 58)}`],
    negative: ['AGE-SECRET-KEY-1...', '# AGE-SECRET-KEY-1 identities live in keys.txt'],
  },
};
