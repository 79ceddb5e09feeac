import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const heroku = defineProvider({
  id: 'heroku',
  name: 'Heroku',
  aliases: [],
  remediation: revokeAt(
    'https://dashboard.heroku.com/account (API Key → Regenerate; `heroku authorizations:revoke` for OAuth tokens)',
  ),
  rotation: { url: 'https://dashboard.heroku.com/account' },
});
