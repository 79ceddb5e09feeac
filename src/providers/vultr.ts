import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const vultr = defineProvider({
  id: 'vultr',
  name: 'Vultr',
  aliases: [],
  remediation: revokeAt('the Vultr customer portal (Account → API, https://my.vultr.com/settings/#settingsapi)'),
  rotation: {
    url: 'https://docs.vultr.com/platform/other/api/manage-api-keys',
    create: 'Regenerate the API key (or use a sub-account key) and restrict it to the addresses that call the API.',
  },
  // GET /v2/account answers the key's own account (https://www.vultr.com/api/#tag/account).
  liveCheck: { defaultUrl: 'https://api.vultr.com', path: '/v2/account' },
});
