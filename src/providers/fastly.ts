import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const fastly = defineProvider({
  id: 'fastly',
  name: 'Fastly',
  aliases: [],
  remediation: revokeAt('Fastly (Account → Personal profile → API tokens, or the automation tokens page)'),
  rotation: {
    url: 'https://docs.fastly.com/en/guides/using-api-tokens',
    create:
      'Create an automation token scoped to the services it needs (global:read or purge only where that is enough), with an expiry.',
    revoke: 'Delete the old token on the API tokens page.',
  },
  // GET /current_user answers the token's own user, with the key in Fastly-Key (https://www.fastly.com/documentation/reference/api/account/user/).
  liveCheck: { defaultUrl: 'https://api.fastly.com', path: '/current_user', auth: { header: 'Fastly-Key' } },
});
