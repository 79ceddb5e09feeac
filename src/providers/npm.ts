import { defineProvider } from './provider.js';

export const npm = defineProvider({
  id: 'npm',
  name: 'npm',
  aliases: [],
  remediation:
    'Revoke the token at https://www.npmjs.com/settings/~/tokens (`npm token revoke`) now — deleting the commit does not make ' +
    'it safe: history, forks and caches keep it. Create a granular token limited to the packages CI publishes (or use trusted ' +
    'publishing), update the environment secret, and check the packages’ recent versions.',
  rotation: {
    url: 'https://www.npmjs.com/settings/~/tokens',
    create:
      'Create a new granular access token with only the packages it publishes at https://www.npmjs.com/settings/~/tokens.',
    revoke: 'Delete the old token on the same page.',
  },
  // GET /-/whoami names the user of a token, as `npm whoami` does (https://docs.npmjs.com/cli/commands/npm-whoami).
  liveCheck: { defaultUrl: 'https://registry.npmjs.org', path: '/-/whoami' },
});
