import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const digitalocean = defineProvider({
  id: 'digitalocean',
  name: 'DigitalOcean',
  aliases: ['digital-ocean'],
  remediation: revokeAt('https://cloud.digitalocean.com/account/api/tokens'),
  rotation: {
    url: 'https://docs.digitalocean.com/platform/teams/manage-api-tokens/',
    create: 'Generate a new token under API → Tokens with only the scopes the workload needs and an expiry.',
    revoke: 'Delete the old token under API → Tokens (https://cloud.digitalocean.com/account/api/tokens).',
  },
  // GET /v2/account answers the token's own account (https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account).
  liveCheck: {
    defaultUrl: 'https://api.digitalocean.com',
    path: '/v2/account',
    prefixes: ['dop_v1_', 'doo_v1_'],
  },
});
