import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const groq = defineProvider({
  id: 'groq',
  name: 'Groq',
  aliases: [],
  remediation: revokeAt('https://console.groq.com/keys'),
  rotation: { url: 'https://console.groq.com/keys' },
  // GET /openai/v1/models lists the models the key may use (https://console.groq.com/docs/api-reference#models-list).
  liveCheck: { defaultUrl: 'https://api.groq.com', path: '/openai/v1/models' },
});
