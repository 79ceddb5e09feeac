import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const flyio = defineProvider({
  id: 'flyio',
  name: 'Fly.io',
  aliases: ['fly'],
  remediation: revokeAt('Fly (`fly tokens revoke`, or the organization’s Tokens page in the dashboard)'),
  rotation: { url: 'https://fly.io/docs/flyctl/tokens-revoke/' },
});
