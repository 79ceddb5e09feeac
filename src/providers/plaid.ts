import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const plaid = defineProvider({
  id: 'plaid',
  name: 'Plaid',
  aliases: [],
  remediation: revokeAt(
    'https://dashboard.plaid.com/developers/keys (rotate the secret; an access token: /item/access_token/invalidate)',
  ),
  rotation: { url: 'https://plaid.com/docs/account/security/#rotating-api-keys' },
});
