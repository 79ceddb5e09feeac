import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const adyen = defineProvider({
  id: 'adyen',
  name: 'Adyen',
  aliases: [],
  remediation: revokeAt(
    'the Adyen Customer Area (Developers → API credentials → the credential → Generate API key; the old one keeps working for 24 hours)',
  ),
  rotation: { url: 'https://docs.adyen.com/development-resources/api-credentials/' },
});
