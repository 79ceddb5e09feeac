import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const okta = defineProvider({
  id: 'okta',
  name: 'Okta',
  aliases: [],
  remediation: revokeAt(
    'the Okta Admin Console (Security → API → Tokens → Revoke)',
    'prefer an OAuth service app with scoped grants over an SSWS token, update the environment secret',
  ),
  rotation: { url: 'https://developer.okta.com/docs/guides/create-an-api-token/main/' },
});
