import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const algolia = defineProvider({
  id: 'algolia',
  name: 'Algolia',
  aliases: [],
  remediation: revokeAt(
    'https://dashboard.algolia.com/account/api-keys (the admin key → Regenerate)',
    'use a search-only or restricted key wherever the admin key is not needed, update the environment secret',
  ),
  rotation: { url: 'https://www.algolia.com/doc/guides/security/api-keys/' },
});
