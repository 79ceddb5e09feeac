import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const pinecone = defineProvider({
  id: 'pinecone',
  name: 'Pinecone',
  aliases: [],
  remediation: revokeAt('the Pinecone console (the project’s API Keys page)'),
  rotation: { url: 'https://docs.pinecone.io/guides/projects/manage-api-keys' },
  // GET /indexes lists the project's indexes; the key goes in `Api-Key` (https://docs.pinecone.io/reference/api/control-plane/list_indexes).
  liveCheck: { defaultUrl: 'https://api.pinecone.io', path: '/indexes', auth: { header: 'Api-Key' } },
});
