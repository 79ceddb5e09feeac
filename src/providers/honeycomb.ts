import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const honeycomb = defineProvider({
  id: 'honeycomb',
  name: 'Honeycomb',
  aliases: [],
  remediation: revokeAt('Honeycomb (Environment Settings → API Keys)'),
  rotation: { url: 'https://docs.honeycomb.io/configure/environments/manage-api-keys/' },
});
