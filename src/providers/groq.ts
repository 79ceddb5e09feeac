import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const groq = defineProvider({
  id: 'groq',
  name: 'Groq',
  aliases: [],
  remediation: revokeAt('https://console.groq.com/keys'),
  rotation: { url: 'https://console.groq.com/keys' },
});
