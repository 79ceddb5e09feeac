import type { Detector } from './detector.js';
import { DIGITS, UPPER } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { dynatrace } from '../providers/dynatrace.js';

const BASE32ISH = UPPER + DIGITS;

// `dt0c01.` + a 24-character public part + `.` + a 64-character secret, upper-case letters and digits
// (https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens#token-format).
export const dynatraceApiToken: Detector = prefixedKey({
  id: 'dynatrace-api-token',
  provider: 'dynatrace',
  keyKind: 'Dynatrace access token',
  severity: 'high',
  risk: 'A Dynatrace token reads or writes the environment’s monitoring data and settings within its scopes, up to installing agents.',
  remediation: dynatrace.remediation,
  prefixes: ['dt0c01.'],
  body: '[A-Z0-9]{24}\\.[A-Z0-9]{64}',
  maxBody: 89,
  validate: (body) => hasLetterAndDigit(body.slice(25)),
  examples: {
    positive: (rng) => [
      `dt0c01.${rng.string(BASE32ISH, 24)}.${rng.string(BASE32ISH, 30)}K5${rng.string(BASE32ISH, 32)}`,
    ],
    negative: [
      'dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXX',
      'DT_API_TOKEN=dt0c01....',
      `dt0c01.${'A'.repeat(24)}.${'B'.repeat(64)}`,
    ],
  },
});
