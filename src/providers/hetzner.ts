import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const hetzner = defineProvider({
  id: 'hetzner',
  name: 'Hetzner Cloud',
  aliases: ['hcloud', 'hetzner-cloud'],
  remediation: revokeAt('the Hetzner Cloud Console (the project’s Security → API tokens)'),
  rotation: {
    url: 'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/',
    create: 'Generate a new API token in the project (read-only where the workload only reads).',
    revoke: 'Delete the old token under the project’s Security → API tokens.',
  },
});
