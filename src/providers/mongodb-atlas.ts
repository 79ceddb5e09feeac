import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const mongodbAtlas = defineProvider({
  id: 'mongodb-atlas',
  name: 'MongoDB Atlas',
  aliases: ['mongodb', 'mongo'],
  remediation: revokeAt(
    'MongoDB Atlas (a database user’s password: Database Access → Edit → Edit Password; an API key: Access Manager → API Keys)',
    'set a new password or key with the least role it needs, update the environment secret and the IP access list',
  ),
  rotation: {
    url: 'https://www.mongodb.com/docs/atlas/security-add-mongodb-users/',
    create:
      'Set a new password for the database user (or create a new programmatic API key) with the least role it needs.',
    revoke: 'Change the leaked password, or delete the leaked API key under Access Manager → API Keys.',
  },
});
