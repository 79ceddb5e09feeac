import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const openrouter = defineProvider({
  id: 'openrouter',
  name: 'OpenRouter',
  aliases: ['open-router'],
  remediation: revokeAt(
    'https://openrouter.ai/settings/keys',
    'create a new one with a credit limit, update the environment secret',
  ),
  rotation: { url: 'https://openrouter.ai/settings/keys' },
  // GET /api/v1/key describes the key it is called with: 200 for a live key, 401 for a refused one.
  // https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key
  liveCheck: { defaultUrl: 'https://openrouter.ai', path: '/api/v1/key' },
});
