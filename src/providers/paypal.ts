import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const paypal = defineProvider({
  id: 'paypal',
  name: 'PayPal / Braintree',
  aliases: ['braintree'],
  remediation: revokeAt(
    'https://developer.paypal.com/dashboard/applications (the app → the secret → Delete; Braintree: Settings → API → the key or access token → Revoke)',
  ),
  rotation: { url: 'https://developer.paypal.com/api/rest/#link-getclientidandclientsecret' },
});
