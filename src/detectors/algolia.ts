import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { algolia } from '../providers/algolia.js';

// API keys are 32 hex characters (https://www.algolia.com/doc/guides/security/api-keys/). The
// search-only key is public by design (it ships in front-end code), so only names that say admin,
// write or a plain API key count; `ALGOLIA_SEARCH_KEY` does not.
export const algoliaAdminKey: Detector = {
  id: 'algolia-admin-key',
  provider: 'other',
  keyKind: 'Algolia admin or write API key',
  severity: 'high',
  confidence: 'low',
  risk: 'An Algolia admin key reads, changes and deletes every index of the application and creates new keys.',
  remediation: algolia.remediation,
  keywords: ['algolia'],
  pattern: namedValue('algolia[_.-]?(?:admin|write)?[_.-]?(?:api[_.-]?)?key', '[0-9a-f]{32}'),
  window: namedWindow(32),
  validate: (s) => hasLetterAndDigit(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}f6${rng.string(HEX, 15)}`],
    negative: ['00000000000000000000000000000000', 'YourAdminAPIKey'],
    assignedTo: 'ALGOLIA_ADMIN_KEY',
  },
};
