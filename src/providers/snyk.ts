import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const snyk = defineProvider({
  id: 'snyk',
  name: 'Snyk',
  aliases: [],
  remediation: revokeAt(
    'Snyk (Account settings → revoke and regenerate the API token, or the organization’s service accounts)',
  ),
  rotation: {
    url: 'https://docs.snyk.io/snyk-api/authentication-for-api/revoke-and-regenerate-a-snyk-api-token',
    create: 'Use an organization service account token for CI rather than a personal token.',
    revoke: 'Revoke and regenerate the leaked token.',
  },
});
