import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const onepassword = defineProvider({
  id: 'onepassword',
  name: '1Password',
  aliases: ['op', '1password'],
  remediation: revokeAt(
    '1Password (Developer → Service accounts → the account → Revoke token)',
    'rotate the items in the vaults it could read',
  ),
  rotation: { url: 'https://developer.1password.com/docs/service-accounts/manage-service-accounts/' },
});
