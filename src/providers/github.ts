import { defineProvider } from './provider.js';

export const github = defineProvider({
  id: 'github',
  name: 'GitHub',
  aliases: ['gh'],
  remediation:
    'Revoke the token now at https://github.com/settings/tokens (or, for an app or OAuth token, in the app’s settings; ' +
    'anyone can also report it through https://docs.github.com/en/rest/credentials/revoke) — deleting the commit does not ' +
    'make it safe: history, forks and caches keep it. Create a new, narrower token, update the environment secret that held ' +
    'it, and review the security log for actions you did not take.',
  rotation: {
    url: 'https://github.com/settings/personal-access-tokens',
    create:
      'Regenerate the token (fine-grained, with an expiry) at https://github.com/settings/personal-access-tokens — or better, replace it with a GitHub App installation token.',
    revoke: 'Delete the old token on the same page.',
  },
  // GET /rate_limit answers any token without spending its quota, 401 for a bad one (https://docs.github.com/en/rest/rate-limit/rate-limit).
  liveCheck: {
    defaultUrl: 'https://api.github.com',
    path: '/rate_limit',
    auth: 'token',
    headers: { accept: 'application/vnd.github+json', 'user-agent': 'key-hygiene' },
    prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'github_pat_'],
  },
});
