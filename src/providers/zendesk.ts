import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const zendesk = defineProvider({
  id: 'zendesk',
  name: 'Zendesk',
  aliases: [],
  remediation: revokeAt('Zendesk Admin Center (Apps and integrations → APIs → Zendesk API → the token → Delete)'),
  rotation: { url: 'https://support.zendesk.com/hc/en-us/articles/4408889192858-Managing-access-to-the-Zendesk-API' },
});
