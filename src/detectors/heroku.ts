import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { heroku } from '../providers/heroku.js';

// API keys and OAuth tokens since 2024: `HRKU-AA` + 58 URL-safe characters
// (https://devcenter.heroku.com/changelog-items/2953).
export const herokuApiKey: Detector = {
  id: 'heroku-api-key',
  provider: 'other',
  keyKind: 'Heroku API key',
  severity: 'critical',
  risk: 'A Heroku key deploys, reads the config vars (database URLs, other keys) of and deletes every app its user can reach.',
  remediation: heroku.remediation,
  keywords: ['hrku-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>HRKU-AA[A-Za-z0-9_-]{58})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 72 },
  validate: (s) => isMixedAlnum(s.slice(7)),
  redactPrefix: () => 'HRKU-',
  examples: {
    positive: (rng) => [`HRKU-AA${rng.string(URLSAFE, 28)}Wq3${rng.string(URLSAFE, 27)}`],
    negative: ['HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'HRKU-AA...'],
  },
};
