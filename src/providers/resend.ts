import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const resend = defineProvider({
  id: 'resend',
  name: 'Resend',
  aliases: [],
  remediation: revokeAt(
    'https://resend.com/api-keys (the key → Remove API Key)',
    'create a sending-only key restricted to one domain and update the environment secret',
  ),
  rotation: { url: 'https://resend.com/docs/create-an-api-key' },
});
