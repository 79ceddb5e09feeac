import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const shippo = defineProvider({
  id: 'shippo',
  name: 'Shippo',
  aliases: [],
  remediation: revokeAt('https://apps.goshippo.com/settings/api (the token → Delete)'),
  rotation: { url: 'https://docs.goshippo.com/docs/guides_general/authentication/' },
});
