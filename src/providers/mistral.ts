import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const mistral = defineProvider({
  id: 'mistral',
  name: 'Mistral AI',
  aliases: ['mistral-ai', 'mistralai'],
  remediation: revokeAt('https://console.mistral.ai/api-keys'),
  rotation: { url: 'https://console.mistral.ai/api-keys' },
  // GET /v1/models lists the models the key may use (https://docs.mistral.ai/api/#tag/models).
  liveCheck: { defaultUrl: 'https://api.mistral.ai', path: '/v1/models' },
});
