import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const netlify = defineProvider({
  id: 'netlify',
  name: 'Netlify',
  aliases: [],
  remediation: revokeAt(
    'Netlify (User settings → Applications → Personal access tokens, https://app.netlify.com/user/applications)',
  ),
  rotation: {
    url: 'https://docs.netlify.com/api/get-started/#authentication',
    create: 'Create a new personal access token with an expiry under User settings → Applications.',
    revoke: 'Delete the old token there (https://app.netlify.com/user/applications).',
  },
  // GET /api/v1/user answers the token's own user (https://open-api.netlify.com/#tag/user).
  liveCheck: { defaultUrl: 'https://api.netlify.com', path: '/api/v1/user' },
});
