import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const cloudflare = defineProvider({
  id: 'cloudflare',
  name: 'Cloudflare',
  aliases: [],
  remediation: revokeAt('https://dash.cloudflare.com/profile/api-tokens (or the account’s API tokens page)'),
  rotation: { url: 'https://dash.cloudflare.com/profile/api-tokens' },
});
