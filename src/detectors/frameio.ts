import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { frameio } from '../providers/frameio.js';

// Developer tokens: `fio-u-` + 64 URL-safe characters (https://developer.frame.io/docs/getting-started/authentication).
export const frameioDeveloperToken: Detector = {
  id: 'frameio-developer-token',
  provider: 'other',
  keyKind: 'Frame.io developer token',
  severity: 'high',
  risk: 'A Frame developer token reads, downloads and deletes the media and review comments of every project its user can reach.',
  remediation: frameio.remediation,
  keywords: ['fio-u-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![A-Za-z0-9_=-])/g,
  window: { before: 2, after: 76 },
  validate: (s) => isMixedAlnum(s.slice(6)),
  redactPrefix: () => 'fio-u-',
  examples: {
    positive: (rng) => [`fio-u-${rng.string(URLSAFE, 31)}Fi2${rng.string(URLSAFE, 30)}`],
    negative: [`fio-u-${'x'.repeat(64)}`, 'fio-u-YOUR_DEVELOPER_TOKEN'],
  },
};
