import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const sanity = defineProvider({
  id: 'sanity',
  name: 'Sanity',
  aliases: [],
  remediation: revokeAt('https://www.sanity.io/manage (the project → API → Tokens → Delete)'),
  rotation: { url: 'https://www.sanity.io/docs/http-auth' },
});
