import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const readme = defineProvider({
  id: 'readme',
  name: 'ReadMe',
  aliases: [],
  remediation: revokeAt('the ReadMe dashboard (the project → API Keys → Revoke)'),
  rotation: { url: 'https://docs.readme.com/main/reference/intro/authentication' },
});
