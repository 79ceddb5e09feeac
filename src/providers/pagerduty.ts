import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const pagerduty = defineProvider({
  id: 'pagerduty',
  name: 'PagerDuty',
  aliases: ['pager-duty'],
  remediation: revokeAt('PagerDuty (Integrations → API Access Keys, or the service’s integration)'),
  rotation: { url: 'https://support.pagerduty.com/main/docs/api-access-keys' },
});
