import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const voyage = defineProvider({
  id: 'voyage',
  name: 'Voyage AI',
  aliases: ['voyage-ai', 'voyageai'],
  remediation: revokeAt('https://dashboard.voyageai.com/organization/api-keys'),
  rotation: { url: 'https://dashboard.voyageai.com/organization/api-keys' },
});
