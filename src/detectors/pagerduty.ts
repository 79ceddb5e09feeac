import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { pagerduty } from '../providers/pagerduty.js';

// REST API keys are 20 characters (user tokens start `u+`) and Events API integration (routing) keys
// 32 hex, neither with a vendor prefix (https://support.pagerduty.com/main/docs/api-access-keys):
// only a PagerDuty name tells them apart.
export const pagerdutyApiKey: Detector = namedKey({
  id: 'pagerduty-api-key',
  provider: 'pagerduty',
  keyKind: 'PagerDuty API or integration key',
  severity: 'high',
  risk: 'A PagerDuty REST key reads and changes the account’s services, schedules and incidents; an integration key opens or resolves incidents.',
  remediation: pagerduty.remediation,
  names: [
    ['pagerduty', 'token'],
    ['pagerduty', 'api', 'key'],
    ['pagerduty', 'api', 'token'],
    ['pagerduty', 'routing', 'key'],
    ['pagerduty', 'integration', 'key'],
    ['pagerduty', 'service', 'key'],
  ],
  keywords: ['pagerduty'],
  value: '[a-f0-9]{32}|[A-Za-z0-9_+-]{20}',
  maxValue: 32,
  validate: (s) => (s.length === 32 ? hasLetterAndDigit(s) : isMixedAlnum(s)),
  examples: {
    positive: (rng) => [
      `u+${rng.string(ALNUM, 8)}Pd5${rng.string(ALNUM, 7)}`,
      `${rng.string(HEX, 15)}c8${rng.string(HEX, 15)}`,
    ],
    negative: ['your-pagerduty-token', '${PAGERDUTY_TOKEN}', 'xxxxxxxxxxxxxxxxxxxx'],
  },
});
