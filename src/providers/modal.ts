import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const modal = defineProvider({
  id: 'modal',
  name: 'Modal',
  aliases: [],
  remediation: revokeAt('https://modal.com/settings/tokens'),
  rotation: { url: 'https://modal.com/settings/tokens' },
});
