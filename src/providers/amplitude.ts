import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const amplitude = defineProvider({
  id: 'amplitude',
  name: 'Amplitude',
  aliases: [],
  remediation: revokeAt('Amplitude (Organization settings → Projects → the project’s keys)'),
  rotation: { url: 'https://amplitude.com/docs/apis/keys-and-tokens' },
});
