import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const xai = defineProvider({
  id: 'xai',
  name: 'xAI',
  aliases: ['grok', 'x-ai'],
  remediation: revokeAt('https://console.x.ai (API Keys)'),
  rotation: { url: 'https://console.x.ai' },
  // GET /v1/api-key describes the key it is called with (https://docs.x.ai/docs/api-reference#get-api-key-info).
  liveCheck: { defaultUrl: 'https://api.x.ai', path: '/v1/api-key' },
});
