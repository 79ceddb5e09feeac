import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const railway = defineProvider({
  id: 'railway',
  name: 'Railway',
  aliases: [],
  remediation: revokeAt(
    'Railway (Account Settings → Tokens for account and team tokens, the project’s Settings → Tokens for project tokens)',
  ),
  rotation: {
    url: 'https://docs.railway.com/guides/public-api#creating-a-token',
    create:
      'Create a project token (scoped to one environment) rather than an account token where the workload only deploys.',
    revoke: 'Delete the old token where it was created (https://railway.com/account/tokens).',
  },
});
