import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const helicone = defineProvider({
  id: 'helicone',
  name: 'Helicone',
  aliases: [],
  remediation: revokeAt('Helicone (Settings → API Keys)'),
  rotation: { url: 'https://docs.helicone.ai/getting-started/quick-start' },
});
