import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const pulumi = defineProvider({
  id: 'pulumi',
  name: 'Pulumi Cloud',
  aliases: [],
  remediation: revokeAt(
    'Pulumi Cloud (Personal access tokens, https://app.pulumi.com/account/tokens, or the team’s and organization’s tokens)',
  ),
  rotation: {
    url: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/',
    create: 'Create a team or organization token (not a personal one) with an expiry for CI, or switch to OIDC.',
    revoke: 'Delete the old token on its Access tokens page.',
  },
  // GET /api/user answers the token's own user, sent as `Authorization: token …` (https://www.pulumi.com/docs/pulumi-cloud/reference/cloud-rest-api/).
  liveCheck: { defaultUrl: 'https://api.pulumi.com', path: '/api/user', auth: 'token' },
  federation: { url: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/oidc/client/github/' },
});
