import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const deepgram = defineProvider({
  id: 'deepgram',
  name: 'Deepgram',
  aliases: [],
  remediation: revokeAt('the Deepgram console (the project’s API Keys page)'),
  rotation: { url: 'https://developers.deepgram.com/docs/create-additional-api-keys' },
});
