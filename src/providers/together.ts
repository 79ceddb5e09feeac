import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const together = defineProvider({
  id: 'together',
  name: 'Together AI',
  aliases: ['together-ai', 'togetherai'],
  remediation: revokeAt('https://api.together.ai/settings/api-keys'),
  rotation: { url: 'https://api.together.ai/settings/api-keys' },
});
