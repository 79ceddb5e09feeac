import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const llamacloud = defineProvider({
  id: 'llamacloud',
  name: 'LlamaCloud (LlamaIndex, LlamaParse)',
  aliases: ['llama-cloud', 'llamaindex', 'llama-index', 'llamaparse', 'llama-parse'],
  remediation: revokeAt('https://cloud.llamaindex.ai (API Keys)'),
  rotation: { url: 'https://docs.cloud.llamaindex.ai/api_key' },
});
