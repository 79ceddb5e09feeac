import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const contentful = defineProvider({
  id: 'contentful',
  name: 'Contentful',
  aliases: [],
  remediation: revokeAt('https://app.contentful.com/account/profile/cma_tokens (the token → Revoke)'),
  rotation: { url: 'https://www.contentful.com/help/token-management/personal-access-tokens/' },
  // GET /users/me returns the token's user (https://www.contentful.com/developers/docs/references/content-management-api/#/reference/users/user/get-the-authenticated-user).
  liveCheck: { defaultUrl: 'https://api.contentful.com', path: '/users/me' },
});
