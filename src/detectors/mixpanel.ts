import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { mixpanel } from '../providers/mixpanel.js';

// Service account secrets and the legacy project API secret are 32 characters with no prefix
// (https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts). The project token is public
// (it ships in the browser), so only secret names count.
export const mixpanelSecret: Detector = namedKey({
  id: 'mixpanel-secret',
  provider: 'mixpanel',
  keyKind: 'Mixpanel service account or API secret',
  severity: 'high',
  risk: 'A Mixpanel secret exports the project’s raw events and user profiles and can import or delete data.',
  remediation: mixpanel.remediation,
  names: [
    ['mixpanel', 'api', 'secret'],
    ['mixpanel', 'secret'],
    ['mixpanel', 'secret', 'key'],
    ['mixpanel', 'service', 'account', 'secret'],
  ],
  keywords: ['mixpanel'],
  value: '[A-Za-z0-9]{32}',
  maxValue: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 15)}Mx4${rng.string(ALNUM, 14)}`],
    negative: ['your-mixpanel-api-secret', '${MIXPANEL_API_SECRET}', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
});
