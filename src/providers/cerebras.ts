import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const cerebras = defineProvider({
  id: 'cerebras',
  name: 'Cerebras',
  aliases: [],
  remediation: revokeAt('https://cloud.cerebras.ai (API Keys)'),
  rotation: { url: 'https://cloud.cerebras.ai' },
});
