import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const render = defineProvider({
  id: 'render',
  name: 'Render',
  aliases: [],
  remediation: revokeAt(
    'the Render dashboard (Account Settings → API Keys, https://dashboard.render.com/u/settings#api-keys)',
  ),
  rotation: {
    url: 'https://render.com/docs/api#1-create-an-api-key',
    create: 'Create a new API key under Account Settings → API Keys.',
    revoke: 'Revoke the old key there.',
  },
  // GET /v1/owners lists the workspaces the key can reach (https://api-docs.render.com/reference/list-owners).
  liveCheck: { defaultUrl: 'https://api.render.com', path: '/v1/owners' },
});
