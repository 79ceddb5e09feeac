import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const buildkite = defineProvider({
  id: 'buildkite',
  name: 'Buildkite',
  aliases: [],
  remediation: revokeAt(
    'Buildkite (Personal Settings → API Access Tokens, https://buildkite.com/user/api-access-tokens)',
  ),
  rotation: {
    url: 'https://buildkite.com/docs/apis/managing-api-tokens',
    create:
      'Create a new API access token for one organization with only the scopes it needs, limited to the IPs that call it.',
    revoke: 'Revoke the old token (https://buildkite.com/user/api-access-tokens).',
  },
  // GET /v2/access-token describes the token itself (https://buildkite.com/docs/apis/rest-api/access-token).
  liveCheck: { defaultUrl: 'https://api.buildkite.com', path: '/v2/access-token' },
});
