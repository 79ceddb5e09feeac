import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const auth0 = defineProvider({
  id: 'auth0',
  name: 'Auth0',
  aliases: [],
  remediation: revokeAt(
    'https://manage.auth0.com (Applications → the application → Credentials → Rotate the client secret)',
  ),
  rotation: { url: 'https://auth0.com/docs/get-started/applications/rotate-client-secret' },
});
