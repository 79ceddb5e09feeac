import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const xai = defineProvider({
  id: 'xai',
  name: 'xAI',
  aliases: ['grok', 'x-ai'],
  remediation: revokeAt('https://console.x.ai (API Keys)'),
  rotation: { url: 'https://console.x.ai' },
});
