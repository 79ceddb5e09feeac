import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const fireworks = defineProvider({
  id: 'fireworks',
  name: 'Fireworks AI',
  aliases: ['fireworks-ai'],
  remediation: revokeAt('https://app.fireworks.ai/settings/users/api-keys'),
  rotation: { url: 'https://app.fireworks.ai/settings/users/api-keys' },
});
