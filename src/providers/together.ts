import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const together = defineProvider({
  id: 'together',
  name: 'Together AI',
  aliases: ['together-ai', 'togetherai'],
  remediation: revokeAt('https://api.together.ai/settings/api-keys'),
  rotation: { url: 'https://api.together.ai/settings/api-keys' },
  // GET /v1/models lists the models the key may use (https://docs.together.ai/reference/models-1).
  liveCheck: { defaultUrl: 'https://api.together.xyz', path: '/v1/models' },
});
