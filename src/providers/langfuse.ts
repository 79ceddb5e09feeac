import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const langfuse = defineProvider({
  id: 'langfuse',
  name: 'Langfuse',
  aliases: [],
  remediation: revokeAt('Langfuse (the project’s Settings → API Keys)'),
  rotation: { url: 'https://langfuse.com/faq/all/where-are-langfuse-api-keys' },
});
