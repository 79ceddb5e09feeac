import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const cloudsmith = defineProvider({
  id: 'cloudsmith',
  name: 'Cloudsmith',
  aliases: [],
  remediation: revokeAt('Cloudsmith (User settings → API Settings: refresh the API key, or the service account’s key)'),
  rotation: {
    url: 'https://help.cloudsmith.io/docs/api-key',
    create: 'Use a service account’s key scoped to the repositories it needs, or OIDC from CI.',
    revoke: 'Refresh (regenerate) the leaked key.',
  },
  federation: { url: 'https://help.cloudsmith.io/docs/openid-connect' },
});
