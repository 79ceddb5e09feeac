import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const firecrawl = defineProvider({
  id: 'firecrawl',
  name: 'Firecrawl',
  aliases: ['fire-crawl'],
  remediation: revokeAt('https://www.firecrawl.dev/app/api-keys'),
  rotation: { url: 'https://www.firecrawl.dev/app/api-keys' },
});
