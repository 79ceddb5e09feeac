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
  // POST auth.test checks a token and answers 200 with ok:false when it is refused (https://docs.slack.dev/reference/methods/auth.test).
  liveCheck: {
    defaultUrl: 'https://slack.com',
    path: '/api/auth.test',
    method: 'POST',
    prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-'],
    answer: {
      ok: 'ok',
      error: 'error',
      refused: ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'],
    },
  },
});
