import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const elevenlabs = defineProvider({
  id: 'elevenlabs',
  name: 'ElevenLabs',
  aliases: ['eleven-labs'],
  remediation: revokeAt('https://elevenlabs.io/app/settings/api-keys'),
  rotation: { url: 'https://elevenlabs.io/app/settings/api-keys' },
  // GET /v1/user describes the key's user; the key goes in `xi-api-key` (https://elevenlabs.io/docs/api-reference/user/get).
  liveCheck: { defaultUrl: 'https://api.elevenlabs.io', path: '/v1/user', auth: { header: 'xi-api-key' } },
});
