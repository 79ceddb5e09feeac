import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const rollbar = defineProvider({
  id: 'rollbar',
  name: 'Rollbar',
  aliases: [],
  remediation: revokeAt('Rollbar (the project’s Settings → Project Access Tokens)'),
  rotation: { url: 'https://docs.rollbar.com/docs/access-tokens' },
});
