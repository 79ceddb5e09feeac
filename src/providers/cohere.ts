import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const cohere = defineProvider({
  id: 'cohere',
  name: 'Cohere',
  aliases: [],
  remediation: revokeAt('https://dashboard.cohere.com/api-keys'),
  rotation: { url: 'https://dashboard.cohere.com/api-keys' },
  // GET /v1/models lists the models the key may use (https://docs.cohere.com/reference/list-models).
  liveCheck: { defaultUrl: 'https://api.cohere.com', path: '/v1/models' },
});
