import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const paystack = defineProvider({
  id: 'paystack',
  name: 'Paystack',
  aliases: [],
  remediation: revokeAt('https://dashboard.paystack.com/#/settings/developers (Generate new secret key)'),
  rotation: { url: 'https://paystack.com/docs/api/authentication/' },
});
