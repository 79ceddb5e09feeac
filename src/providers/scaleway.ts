import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const scaleway = defineProvider({
  id: 'scaleway',
  name: 'Scaleway',
  aliases: ['scw'],
  remediation: revokeAt('the Scaleway console (IAM → API keys, https://console.scaleway.com/iam/api-keys)'),
  rotation: {
    url: 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/',
    create:
      'Generate a new API key for an IAM application (not your own user) whose policy grants only what the workload needs.',
    revoke: 'Delete the old API key under IAM → API keys.',
  },
});
