import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const pinecone = defineProvider({
  id: 'pinecone',
  name: 'Pinecone',
  aliases: [],
  remediation: revokeAt('the Pinecone console (the project’s API Keys page)'),
  rotation: { url: 'https://docs.pinecone.io/guides/projects/manage-api-keys' },
});
