import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const cohere = defineProvider({
  id: 'cohere',
  name: 'Cohere',
  aliases: [],
  remediation: revokeAt('https://dashboard.cohere.com/api-keys'),
  rotation: { url: 'https://dashboard.cohere.com/api-keys' },
});
