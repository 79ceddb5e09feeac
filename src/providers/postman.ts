import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const postman = defineProvider({
  id: 'postman',
  name: 'Postman',
  aliases: [],
  remediation: revokeAt('Postman (Settings → API keys, https://go.postman.co/settings/me/api-keys)'),
  rotation: {
    url: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
    create: 'Generate a new API key with an expiry.',
    revoke: 'Delete the old key under Settings → API keys.',
  },
  // GET /me answers the key's own user, with the key in X-Api-Key (https://learning.postman.com/docs/developer/postman-api/authentication/).
  liveCheck: { defaultUrl: 'https://api.getpostman.com', path: '/me', auth: { header: 'X-Api-Key' } },
});
