import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const wandb = defineProvider({
  id: 'wandb',
  name: 'Weights & Biases',
  aliases: ['weights-and-biases', 'weights-biases'],
  remediation: revokeAt('https://wandb.ai/settings (API keys)'),
  rotation: { url: 'https://docs.wandb.ai/support/find_api_key/' },
});
