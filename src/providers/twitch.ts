import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const twitch = defineProvider({
  id: 'twitch',
  name: 'Twitch',
  aliases: [],
  remediation: revokeAt('https://dev.twitch.tv/console/apps (the application → Manage → New Secret)'),
  rotation: { url: 'https://dev.twitch.tv/docs/authentication/register-app/' },
});
