import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const dynatrace = defineProvider({
  id: 'dynatrace',
  name: 'Dynatrace',
  aliases: [],
  remediation: revokeAt('Dynatrace (Access Tokens)'),
  rotation: {
    url: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens',
  },
});
