import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const elevenlabs = defineProvider({
  id: 'elevenlabs',
  name: 'ElevenLabs',
  aliases: ['eleven-labs'],
  remediation: revokeAt('https://elevenlabs.io/app/settings/api-keys'),
  rotation: { url: 'https://elevenlabs.io/app/settings/api-keys' },
});
