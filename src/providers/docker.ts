import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const docker = defineProvider({
  id: 'docker',
  name: 'Docker Hub',
  aliases: ['dockerhub', 'docker-hub'],
  remediation: revokeAt(
    'https://app.docker.com/settings/personal-access-tokens (or the organization’s access tokens page)',
    'create a new one with read-only scope where pushing is not needed, update the environment secret, check recent image pushes',
  ),
  rotation: { url: 'https://app.docker.com/settings/personal-access-tokens' },
});
