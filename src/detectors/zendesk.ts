import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { zendesk } from '../providers/zendesk.js';

// API tokens are 40 base62 characters, used as `{email}/token:{token}`
// (https://developer.zendesk.com/api-reference/introduction/security-and-auth/): only a Zendesk name says whose.
export const zendeskApiToken: Detector = {
  id: 'zendesk-api-token',
  provider: 'other',
  keyKind: 'Zendesk API token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Zendesk API token, with any agent’s email, reads and changes every ticket (often personal data) and the account’s settings.',
  remediation: zendesk.remediation,
  // `endesk`: no keyword starts with `z` (a new first letter slows the prefilter's pass over every file).
  keywords: ['endesk'],
  pattern: namedValue('zendesk[A-Za-z0-9_.-]{0,24}?(?:token|key|secret)', '[A-Za-z0-9]{40}'),
  window: namedWindow(40),
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 19)}Zd6${rng.string(ALNUM, 18)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'your-zendesk-api-token'],
    assignedTo: 'ZENDESK_API_TOKEN',
  },
};
