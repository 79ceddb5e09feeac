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
});
