import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const lob = defineProvider({
  id: 'lob',
  name: 'Lob',
  aliases: [],
  remediation: revokeAt('https://dashboard.lob.com/settings/api-keys (Rotate)'),
  rotation: { url: 'https://docs.lob.com/#tag/Authentication' },
});
