import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const sendgrid = defineProvider({
  id: 'sendgrid',
  name: 'SendGrid',
  aliases: [],
  remediation: revokeAt('https://app.sendgrid.com/settings/api_keys'),
  rotation: { url: 'https://app.sendgrid.com/settings/api_keys' },
  // GET /v3/scopes lists the scopes of the key it is called with (https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions).
  liveCheck: { defaultUrl: 'https://api.sendgrid.com', path: '/v3/scopes' },
});
