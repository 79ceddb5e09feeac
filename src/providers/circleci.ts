import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const circleci = defineProvider({
  id: 'circleci',
  name: 'CircleCI',
  aliases: ['circle-ci'],
  remediation: revokeAt('CircleCI (User Settings → Personal API Tokens, or the project’s Settings → API Permissions)'),
  rotation: {
    url: 'https://circleci.com/docs/managing-api-tokens/',
    create: 'Create a project API token (not a personal one) where only one project is needed.',
    revoke: 'Delete the old token (https://app.circleci.com/settings/user/tokens).',
  },
  // GET /api/v2/me answers the token's own user, with the key in Circle-Token (https://circleci.com/docs/api/v2/index.html#operation/getCurrentUser).
  liveCheck: {
    defaultUrl: 'https://circleci.com',
    path: '/api/v2/me',
    auth: { header: 'Circle-Token' },
    prefixes: ['CCIPAT_'],
  },
});
