import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { contentful } from '../providers/contentful.js';

// Personal access tokens for the Content Management API: `CFPAT-` + 43 URL-safe characters
// (https://www.contentful.com/help/token-management/personal-access-tokens/).
export const contentfulAccessToken: Detector = {
  id: 'contentful-access-token',
  provider: 'other',
  keyKind: 'Contentful personal access token',
  severity: 'high',
  risk: 'A Contentful management token reads, changes, publishes and deletes the content of every space its user can reach.',
  remediation: contentful.remediation,
  keywords: ['cfpat-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 56 },
  validate: (s) => isMixedAlnum(s.slice(6)),
  redactPrefix: () => 'CFPAT-',
  examples: {
    positive: (rng) => [`CFPAT-${rng.string(URLSAFE, 20)}Cf1${rng.string(URLSAFE, 20)}`],
    negative: ['CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'CFPAT-...'],
  },
};
