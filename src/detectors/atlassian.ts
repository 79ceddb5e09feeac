import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { atlassian } from '../providers/atlassian.js';

// API tokens since 2023: `ATATT3` + 186 characters (the last 8 a hex checksum)
// (https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/).
export const atlassianApiToken: Detector = {
  id: 'atlassian-api-token',
  provider: 'other',
  keyKind: 'Atlassian API token',
  severity: 'high',
  risk: 'An Atlassian token reads and edits every Jira issue and Confluence page its user can, as that user.',
  remediation: atlassian.remediation,
  keywords: ['atatt3'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>ATATT3[A-Za-z0-9_=-]{186})(?![A-Za-z0-9_=-])/g,
  window: { before: 8, after: 200 },
  validate: (s) => isMixedAlnum(s.slice(6)),
  redactPrefix: () => 'ATATT3',
  examples: {
    positive: (rng) => [`ATATT3xFfGF0${rng.string(URLSAFE, 80)}Jq5${rng.string(URLSAFE, 97)}`],
    negative: ['ATATT3xFfGF0...', `ATATT3${'x'.repeat(186)}`],
  },
};
