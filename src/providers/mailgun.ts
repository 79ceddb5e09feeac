import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const mailgun = defineProvider({
  id: 'mailgun',
  name: 'Mailgun',
  aliases: [],
  remediation: revokeAt('https://app.mailgun.com/settings/api_security (API security → the key → Delete)'),
  rotation: { url: 'https://documentation.mailgun.com/docs/mailgun/user-manual/api-key-mgmt/rbac-mgmt/' },
});
