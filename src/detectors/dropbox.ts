import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { dropbox } from '../providers/dropbox.js';

// Short-lived access tokens start `sl.` (newer ones `sl.u.`) and run 130 characters or more of URL-safe
// base64 (https://developers.dropbox.com/oauth-guide).
export const dropboxAccessToken: Detector = {
  id: 'dropbox-access-token',
  provider: 'other',
  keyKind: 'Dropbox access token',
  severity: 'high',
  risk: 'A Dropbox token reads, shares and deletes the files of the account or team it was issued for, within its scopes.',
  remediation: dropbox.remediation,
  // `sl.` ends `ssl.` and `tsl.`: the lookbehind and a tight window before keep those hits cheap.
  keywords: ['sl.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400})(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 1420 },
  validate: (s) => isMixedAlnum(s),
  redactPrefix: (s) => (s.startsWith('sl.u.') ? 'sl.u.' : 'sl.'),
  examples: {
    positive: (rng) => [
      `sl.B${rng.string(URLSAFE, 70)}Xy9${rng.string(URLSAFE, 70)}`,
      `sl.u.AF${rng.string(URLSAFE, 300)}Qw4${rng.string(URLSAFE, 300)}`,
    ],
    negative: ['sl.xxxxxxxxxxxxxxxx', 'ssl.certificate_authority_file', `sl.${'A'.repeat(140)}`],
  },
};
