import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const linode = defineProvider({
  id: 'linode',
  name: 'Akamai Cloud (Linode)',
  aliases: ['akamai-cloud'],
  remediation: revokeAt('Cloud Manager (API Tokens, https://cloud.linode.com/profile/tokens)'),
  rotation: {
    url: 'https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens',
    create: 'Create a new personal access token with only the scopes it needs and an expiry.',
    revoke: 'Revoke the old token under My Profile → API Tokens.',
  },
  // GET /v4/profile answers the token's own user (https://techdocs.akamai.com/linode-api/reference/get-profile).
  liveCheck: { defaultUrl: 'https://api.linode.com', path: '/v4/profile' },
});
