import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasTwoClasses } from './token-shape.js';
import { freshdesk } from '../providers/freshdesk.js';

// API keys are 20 base62 characters, sent as the Basic user (https://developers.freshdesk.com/api/#authentication):
// only a Freshdesk name says whose.
export const freshdeskApiKey: Detector = {
  id: 'freshdesk-api-key',
  provider: 'other',
  keyKind: 'Freshdesk API key',
  severity: 'high',
  confidence: 'low',
  risk: 'A Freshdesk key acts as its agent: it reads and changes tickets and contacts (often personal data).',
  remediation: freshdesk.remediation,
  keywords: ['freshdesk'],
  pattern: namedValue('freshdesk[A-Za-z0-9_.-]{0,24}?(?:key|token|secret)', '[A-Za-z0-9]{20}'),
  window: namedWindow(20),
  minEntropy: 3,
  validate: (s) => hasTwoClasses(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 9)}Fd2${rng.string(ALNUM, 8)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXX', 'YourFreshdeskApiKey1'],
    assignedTo: 'FRESHDESK_API_KEY',
  },
};
