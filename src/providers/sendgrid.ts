import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const sendgrid = defineProvider({
  id: 'sendgrid',
  name: 'SendGrid',
  aliases: [],
  remediation: revokeAt('https://app.sendgrid.com/settings/api_keys'),
  rotation: { url: 'https://app.sendgrid.com/settings/api_keys' },
});
