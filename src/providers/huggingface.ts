import { defineProvider } from './provider.js';

export const huggingface = defineProvider({
  id: 'huggingface',
  name: 'Hugging Face',
  aliases: ['hf', 'hugging-face'],
  remediation:
    'Invalidate the token at https://huggingface.co/settings/tokens now (deleting the commit does not make it safe: history, ' +
    'forks and caches keep it), create a fine-grained token with only the repositories it needs, and update the environment secret.',
  rotation: { url: 'https://huggingface.co/settings/tokens' },
  // GET /api/whoami-v2 names the account behind a token (https://huggingface.co/docs/hub/api).
  liveCheck: { defaultUrl: 'https://huggingface.co', path: '/api/whoami-v2' },
});
