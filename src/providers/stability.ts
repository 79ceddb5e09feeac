import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const stability = defineProvider({
  id: 'stability',
  name: 'Stability AI',
  aliases: ['stability-ai', 'stabilityai'],
  remediation: revokeAt('https://platform.stability.ai/account/keys'),
  rotation: { url: 'https://platform.stability.ai/account/keys' },
});
