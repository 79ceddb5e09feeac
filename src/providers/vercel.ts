import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const vercel = defineProvider({
  id: 'vercel',
  name: 'Vercel',
  aliases: [],
  remediation: revokeAt('https://vercel.com/account/settings/tokens (or the integration’s or AI Gateway’s key page)'),
  rotation: { url: 'https://vercel.com/account/settings/tokens' },
});
