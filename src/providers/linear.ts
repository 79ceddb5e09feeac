import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const linear = defineProvider({
  id: 'linear',
  name: 'Linear',
  aliases: [],
  remediation: revokeAt('Linear (Settings → Security & access → Personal API keys)'),
  rotation: { url: 'https://linear.app/settings/account/security' },
});
