import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const square = defineProvider({
  id: 'square',
  name: 'Square',
  aliases: [],
  remediation: revokeAt('https://developer.squareup.com/apps (the application → Credentials / OAuth → Replace)'),
  rotation: { url: 'https://developer.squareup.com/apps' },
});
