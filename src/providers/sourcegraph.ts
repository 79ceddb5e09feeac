import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const sourcegraph = defineProvider({
  id: 'sourcegraph',
  name: 'Sourcegraph',
  aliases: [],
  remediation: revokeAt('your Sourcegraph instance (User settings → Access tokens)'),
  rotation: { url: 'https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token' },
});
