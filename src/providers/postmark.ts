import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const postmark = defineProvider({
  id: 'postmark',
  name: 'Postmark',
  aliases: [],
  remediation: revokeAt('Postmark (the server → API Tokens → Regenerate, or Account → API Tokens)'),
  rotation: { url: 'https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens' },
});
