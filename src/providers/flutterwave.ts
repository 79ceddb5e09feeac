import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const flutterwave = defineProvider({
  id: 'flutterwave',
  name: 'Flutterwave',
  aliases: [],
  remediation: revokeAt('the Flutterwave dashboard (Settings → API keys → Generate new keys)'),
  rotation: { url: 'https://developer.flutterwave.com/docs/api-keys' },
});
