import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const upstash = defineProvider({
  id: 'upstash',
  name: 'Upstash',
  aliases: ['qstash'],
  remediation: revokeAt(
    'the Upstash console (a Redis database’s Details → Reset Password/Token; QStash → Rotate token; Account → Management API keys)',
  ),
  rotation: {
    url: 'https://upstash.com/docs/redis/features/security',
    create: 'Reset the database’s password (which issues new REST tokens), or rotate the QStash token.',
  },
});
