import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { resend } from '../providers/resend.js';

// `re_` + an 8-character key id + `_` + 24 characters, base62: the keys Resend's dashboard issues (its
// docs write `re_xxxxxxxxx`, https://resend.com/docs/create-an-api-key).
export const resendApiKey: Detector = {
  id: 'resend-api-key',
  provider: 'other',
  keyKind: 'Resend API key',
  severity: 'high',
  risk: 'A Resend key sends mail from the account’s verified domains, ready-made phishing, and with full access manages its domains and keys.',
  remediation: resend.remediation,
  // `re_` ends many snake_case words: the lookbehind and a window of one key keep those hits cheap.
  keywords: ['re_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})(?![A-Za-z0-9_])/g,
  window: { before: 2, after: 40 },
  validate: (s) => isMixedAlnum(s.slice(12)),
  redactPrefix: () => 're_',
  examples: {
    positive: (rng) => [`re_${rng.string(ALNUM, 8)}_${rng.string(ALNUM, 10)}Kp4${rng.string(ALNUM, 11)}`],
    negative: [
      're_xxxxxxxxx',
      're_123456789',
      're_compile_pattern_for_the_whole_file',
      'store_abcdefgh_abcdefghijklmnopqrstuvwx',
    ],
  },
};
