import { defineProvider } from './provider.js';

export const slack = defineProvider({
  id: 'slack',
  name: 'Slack',
  aliases: [],
  remediation:
    'Revoke the token at https://api.slack.com/apps (OAuth & Permissions → revoke, or `auth.revoke`) now — deleting the commit ' +
    'does not make it safe: history, forks and caches keep it. Reinstall the app to issue a new token, update the environment ' +
    'secret, and check the workspace’s access logs.',
  rotation: { url: 'https://api.slack.com/apps' },
});
