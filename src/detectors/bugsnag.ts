import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { bugsnag } from '../providers/bugsnag.js';

// Notifier API keys are 32 hex and personal auth tokens UUIDs, neither with a prefix
// (https://docs.bugsnag.com/api/data-access/#authentication): only a Bugsnag name tells them apart.
export const bugsnagApiKey: Detector = namedKey({
  id: 'bugsnag-api-key',
  provider: 'bugsnag',
  keyKind: 'Bugsnag API key or auth token',
  severity: 'medium',
  risk: 'A Bugsnag notifier key posts errors and sessions into the project; a personal auth token reads every error and event (with their metadata) its user can see.',
  remediation: bugsnag.remediation,
  names: [
    ['bugsnag', 'api', 'key'],
    ['bugsnag', 'auth', 'token'],
    ['bugsnag', 'token'],
    ['bugsnag', 'key'],
  ],
  keywords: ['bugsnag'],
  value: '[a-f0-9]{32}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
  maxValue: 36,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}e5${rng.string(HEX, 15)}`],
    negative: ['your-bugsnag-api-key', '${BUGSNAG_API_KEY}', '00000000000000000000000000000000'],
  },
});
