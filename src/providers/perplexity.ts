import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const perplexity = defineProvider({
  id: 'perplexity',
  name: 'Perplexity',
  aliases: [],
  remediation: revokeAt('https://www.perplexity.ai/settings/api'),
  rotation: { url: 'https://www.perplexity.ai/settings/api' },
});
