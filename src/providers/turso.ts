import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const turso = defineProvider({
  id: 'turso',
  name: 'Turso',
  aliases: ['libsql'],
  remediation: revokeAt(
    'Turso (`turso db tokens invalidate <database>` for database tokens, `turso auth api-tokens revoke <name>` for platform tokens)',
  ),
  rotation: {
    url: 'https://docs.turso.tech/cli/db/tokens/invalidate',
    create:
      'Create a new database token (`turso db tokens create <database>`, read-only where it only reads, with an expiry).',
    revoke: 'Invalidate the database’s tokens (`turso db tokens invalidate <database>`).',
  },
});
