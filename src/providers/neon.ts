import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const neon = defineProvider({
  id: 'neon',
  name: 'Neon',
  aliases: [],
  remediation: revokeAt('the Neon console (Account settings → API keys, or the organization’s Settings → API keys)'),
  rotation: {
    url: 'https://neon.com/docs/manage/api-keys',
    create: 'Create a project-scoped API key where the workload touches one project.',
    revoke: 'Revoke the old key in the console or with `neon api-keys revoke`.',
  },
});
