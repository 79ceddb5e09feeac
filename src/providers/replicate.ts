import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const replicate = defineProvider({
  id: 'replicate',
  name: 'Replicate',
  aliases: [],
  remediation: revokeAt('https://replicate.com/account/api-tokens'),
  rotation: { url: 'https://replicate.com/account/api-tokens' },
});
