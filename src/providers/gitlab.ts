import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const gitlab = defineProvider({
  id: 'gitlab',
  name: 'GitLab',
  aliases: [],
  remediation: revokeAt('your GitLab instance (User settings → Access tokens, or the project’s or group’s token page)'),
  rotation: { url: 'https://docs.gitlab.com/user/profile/personal_access_tokens/' },
  // GET /api/v4/user with PRIVATE-TOKEN answers for personal, project and group access tokens (https://docs.gitlab.com/api/users/).
  liveCheck: {
    defaultUrl: 'https://gitlab.com',
    path: '/api/v4/user',
    auth: { header: 'PRIVATE-TOKEN' },
    prefixes: ['glpat-'],
  },
});
