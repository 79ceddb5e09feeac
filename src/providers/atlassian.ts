import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const atlassian = defineProvider({
  id: 'atlassian',
  name: 'Atlassian',
  aliases: [],
  remediation: revokeAt('https://id.atlassian.com/manage-profile/security/api-tokens'),
  rotation: { url: 'https://id.atlassian.com/manage-profile/security/api-tokens' },
});
