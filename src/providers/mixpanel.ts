import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const mixpanel = defineProvider({
  id: 'mixpanel',
  name: 'Mixpanel',
  aliases: ['mix-panel'],
  remediation: revokeAt('Mixpanel (Organization Settings → Service Accounts, or the project’s API secret)'),
  rotation: { url: 'https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts' },
});
