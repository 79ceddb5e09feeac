import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const bitbucket = defineProvider({
  id: 'bitbucket',
  name: 'Bitbucket Cloud',
  aliases: [],
  remediation: revokeAt(
    'Bitbucket (Personal settings → App passwords, https://bitbucket.org/account/settings/app-passwords/)',
  ),
  rotation: {
    url: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
    create: 'Create a repository or workspace access token (or an API token with scopes) instead of an app password.',
    revoke: 'Revoke the app password under Personal settings → App passwords.',
  },
});
