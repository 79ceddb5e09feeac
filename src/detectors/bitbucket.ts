import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { bitbucket } from '../providers/bitbucket.js';

// App passwords: `ATBB` + 28 base62 characters + an 8-hex checksum, 40 in all; read loosely as `ATBB`
// + 28 to 60 (https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/).
export const bitbucketAppPassword: Detector = {
  id: 'bitbucket-app-password',
  provider: 'other',
  keyKind: 'Bitbucket app password',
  severity: 'critical',
  risk: 'A Bitbucket app password reads and pushes to every repository its user can, within its permissions, and may read pipeline variables.',
  remediation: bitbucket.remediation,
  keywords: ['atbb'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ATBB[A-Za-z0-9]{28,60})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 72 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'ATBB',
  examples: {
    positive: (rng) => [`ATBB${rng.string(ALNUM, 13)}Hs5${rng.string(ALNUM, 12)}${rng.string(HEX.toUpperCase(), 8)}`],
    negative: ['ATBBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'ATBB...'],
  },
};
