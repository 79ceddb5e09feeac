import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const duffel = defineProvider({
  id: 'duffel',
  name: 'Duffel',
  aliases: [],
  remediation: revokeAt('https://app.duffel.com (Developers → Access tokens → the token → Delete)'),
  rotation: { url: 'https://duffel.com/docs/api/overview/making-requests/authentication' },
});
