import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const planetscale = defineProvider({
  id: 'planetscale',
  name: 'PlanetScale',
  aliases: [],
  remediation: revokeAt(
    'PlanetScale (service tokens: the organization’s Settings → Service tokens; database passwords: the branch’s Passwords page)',
  ),
  rotation: {
    url: 'https://planetscale.com/docs/concepts/service-tokens',
    create: 'Create a new service token with only the database permissions it needs, or a new branch password.',
    revoke: 'Delete the old service token or database password.',
  },
});
