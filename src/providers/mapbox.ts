import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const mapbox = defineProvider({
  id: 'mapbox',
  name: 'Mapbox',
  aliases: [],
  remediation: revokeAt('https://account.mapbox.com/access-tokens/ (the secret token → Delete)'),
  rotation: { url: 'https://docs.mapbox.com/accounts/guides/tokens/' },
});
