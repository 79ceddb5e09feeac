import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const deepseek = defineProvider({
  id: 'deepseek',
  name: 'DeepSeek',
  aliases: ['deep-seek'],
  remediation: revokeAt('https://platform.deepseek.com/api_keys'),
  rotation: { url: 'https://platform.deepseek.com/api_keys' },
  // GET /user/balance reads the balance of the key's account (https://api-docs.deepseek.com/api/get-user-balance).
  liveCheck: { defaultUrl: 'https://api.deepseek.com', path: '/user/balance' },
});
