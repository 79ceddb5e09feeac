import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const easypost = defineProvider({
  id: 'easypost',
  name: 'EasyPost',
  aliases: [],
  remediation: revokeAt('https://www.easypost.com/account/api-keys (the key → Disable, then Delete)'),
  rotation: { url: 'https://docs.easypost.com/docs/authentication' },
});
