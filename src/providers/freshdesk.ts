import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const freshdesk = defineProvider({
  id: 'freshdesk',
  name: 'Freshdesk',
  aliases: [],
  remediation: revokeAt('Freshdesk (Profile settings → View API Key → Reset API Key)'),
  rotation: { url: 'https://support.freshdesk.com/support/solutions/articles/215517-how-to-find-your-api-key' },
});
