import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const infisical = defineProvider({
  id: 'infisical',
  name: 'Infisical',
  aliases: [],
  remediation: revokeAt(
    'Infisical (a machine identity’s Universal Auth client secrets, or the project’s service tokens)',
    'create a new client secret for a machine identity with access to only the environments it needs and update the environment secret',
  ),
  rotation: {
    url: 'https://infisical.com/docs/documentation/platform/identities/universal-auth',
    create: 'Create a new client secret for the machine identity, with a TTL and a trusted-IP list.',
    revoke: 'Revoke the old client secret (or service token) in the organization’s Access Control.',
  },
  federation: { url: 'https://infisical.com/docs/documentation/platform/identities/oidc-auth/github' },
});
