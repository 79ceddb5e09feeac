import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const shopify = defineProvider({
  id: 'shopify',
  name: 'Shopify',
  aliases: [],
  remediation: revokeAt(
    'the store admin (Settings → Apps and sales channels → Develop apps → the app → API credentials)',
    'rotate the app’s token or secret, update the environment secret',
  ),
  rotation: { url: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps' },
});
