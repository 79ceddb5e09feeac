import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const asana = defineProvider({
  id: 'asana',
  name: 'Asana',
  aliases: [],
  remediation: revokeAt('https://app.asana.com/0/my-apps (Personal access tokens → the token → Deauthorize)'),
  rotation: { url: 'https://developers.asana.com/docs/personal-access-token' },
  // GET /users/me returns the token's user (https://developers.asana.com/reference/getuser).
  liveCheck: { defaultUrl: 'https://app.asana.com', path: '/api/1.0/users/me' },
});
