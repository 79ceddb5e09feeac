import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const tailscale = defineProvider({
  id: 'tailscale',
  name: 'Tailscale',
  aliases: [],
  remediation: revokeAt('https://login.tailscale.com/admin/settings/keys'),
  rotation: { url: 'https://login.tailscale.com/admin/settings/keys' },
});
