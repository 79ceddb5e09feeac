import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const jina = defineProvider({
  id: 'jina',
  name: 'Jina AI',
  aliases: ['jina-ai'],
  remediation: revokeAt('https://jina.ai/api-dashboard/key-manager'),
  rotation: { url: 'https://jina.ai/api-dashboard/key-manager' },
});
