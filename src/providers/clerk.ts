import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const clerk = defineProvider({
  id: 'clerk',
  name: 'Clerk',
  aliases: [],
  remediation: revokeAt(
    'https://dashboard.clerk.com/~/api-keys (add a new Secret key, deploy it, then delete the old one)',
  ),
  rotation: { url: 'https://clerk.com/docs/guides/secure/rotate-api-keys' },
});
