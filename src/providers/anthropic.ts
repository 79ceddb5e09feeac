import { defineProvider } from './provider.js';

export const anthropic = defineProvider({
  id: 'anthropic',
  name: 'Anthropic',
  aliases: ['claude'],
  remediation:
    'Revoke the key at https://console.anthropic.com/settings/keys now (deleting the commit does not make it safe: ' +
    'history, forks and caches keep it), create a new one, update the environment secret that held it, ' +
    'and check the usage page for calls you did not make.',
  rotation: {
    url: 'https://console.anthropic.com/settings/keys',
    create:
      'Create a new API key in the workspace this environment uses at https://console.anthropic.com/settings/keys.',
    revoke: 'Delete the old key at https://console.anthropic.com/settings/keys.',
  },
  federation: { url: 'https://platform.claude.com/docs/en/manage-claude/wif-providers/github-actions' },
  // GET /v1/models lists the models the key may use (https://docs.anthropic.com/en/api/models-list); an admin key is not asked.
  liveCheck: {
    defaultUrl: 'https://api.anthropic.com',
    path: '/v1/models',
    auth: { header: 'x-api-key' },
    headers: { 'anthropic-version': '2023-06-01' },
    detectors: ['anthropic-api-key'],
  },
});
