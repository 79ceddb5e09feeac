import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const brevo = defineProvider({
  id: 'brevo',
  name: 'Brevo (Sendinblue)',
  aliases: ['sendinblue'],
  remediation: revokeAt('https://app.brevo.com/settings/keys/api (SMTP keys: the SMTP & API page, SMTP tab)'),
  rotation: { url: 'https://help.brevo.com/hc/en-us/articles/209467485-Create-and-manage-your-API-keys' },
  // GET /v3/account answers according to the `api-key` header (https://developers.brevo.com/reference/getaccount).
  liveCheck: {
    defaultUrl: 'https://api.brevo.com',
    path: '/v3/account',
    auth: { header: 'api-key' },
    headers: { accept: 'application/json' },
    prefixes: ['xkeysib-'],
  },
});
