import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const deepgram = defineProvider({
  id: 'deepgram',
  name: 'Deepgram',
  aliases: [],
  remediation: revokeAt('the Deepgram console (the project’s API Keys page)'),
  rotation: { url: 'https://developers.deepgram.com/docs/create-additional-api-keys' },
  // GET /v1/projects lists the key's projects; the key goes as `Authorization: Token …`
  // (https://developers.deepgram.com/reference/get-projects).
  liveCheck: { defaultUrl: 'https://api.deepgram.com', path: '/v1/projects', auth: 'token' },
});
