import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const twilio = defineProvider({
  id: 'twilio',
  name: 'Twilio',
  aliases: [],
  remediation: revokeAt(
    'https://console.twilio.com/us1/account/keys-credentials/api-keys (an API key: delete it; the auth token: request a secondary token, promote it)',
  ),
  rotation: {
    url: 'https://www.twilio.com/docs/iam/api-keys',
    create: 'Create a new standard or restricted API key in the Twilio Console (Account → API keys & tokens).',
    revoke:
      'Delete the old API key; for a leaked auth token, request a secondary auth token and promote it, which retires the old one.',
  },
});
