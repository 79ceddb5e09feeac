import { defineProvider } from './provider.js';

export const openai = defineProvider({
  id: 'openai',
  name: 'OpenAI',
  aliases: ['open-ai'],
  remediation:
    'Revoke the key at https://platform.openai.com/api-keys now (deleting the commit does not make it safe: ' +
    'history, forks and caches keep it), create a new project key, update the environment secret that held it, ' +
    'and check the usage page for calls you did not make.',
  rotation: {
    url: 'https://platform.openai.com/api-keys',
    create:
      'Create a new **project key** for the project this environment uses at https://platform.openai.com/api-keys (a project or service-account key, not a user key).',
    revoke:
      'Revoke the old key in the API-keys page (https://platform.openai.com/api-keys), then check the usage page for calls you did not make.',
  },
  federation: { url: 'https://developers.openai.com/api/docs/guides/workload-identity-federation/github-actions' },
  // OpenAI's API (https://platform.openai.com/docs/guides/error-codes): 200 valid, 401 invalid or revoked, 429 quota/rate, else unknown.
  liveCheck: { defaultUrl: 'https://api.openai.com', path: '/v1/models' },
  /**
   * A legacy user key acts as its user across every project; an admin key manages the
   * organisation. A project or service-account key is scoped to one project.
   * https://platform.openai.com/docs/api-reference/project-api-keys
   */
  discouraged: {
    'openai-user-key':
      'a legacy user key, which acts with every permission of its user across all their projects: use a project or service-account key',
    'openai-admin-key':
      'an admin key, which manages the whole organisation: use a project or service-account key for workloads',
  },
});
