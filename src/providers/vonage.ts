import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const vonage = defineProvider({
  id: 'vonage',
  name: 'Vonage (Nexmo)',
  aliases: ['nexmo'],
  remediation: revokeAt(
    'https://dashboard.nexmo.com/settings (API settings → add a new secret, then delete the old one)',
  ),
  rotation: { url: 'https://developer.vonage.com/en/account/secret-management' },
});
