import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const dropbox = defineProvider({
  id: 'dropbox',
  name: 'Dropbox',
  aliases: [],
  remediation: revokeAt('https://www.dropbox.com/account/connected_apps (disconnect the app) or the app console'),
  rotation: { url: 'https://www.dropbox.com/developers/apps' },
});
