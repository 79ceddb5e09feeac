import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const deepseek = defineProvider({
  id: 'deepseek',
  name: 'DeepSeek',
  aliases: ['deep-seek'],
  remediation: revokeAt('https://platform.deepseek.com/api_keys'),
  rotation: { url: 'https://platform.deepseek.com/api_keys' },
});
