import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const travisCi = defineProvider({
  id: 'travis-ci',
  name: 'Travis CI',
  aliases: ['travis'],
  remediation: revokeAt('Travis CI (Account → Settings → API authentication: regenerate the token)'),
  rotation: {
    url: 'https://docs.travis-ci.com/user/migrate/travis-migrate-to-apps-gem-guide/#setting-up-the-api-token',
    create: 'Regenerate the API token in the account settings; it replaces the old one.',
  },
});
