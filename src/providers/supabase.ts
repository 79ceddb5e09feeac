import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const supabase = defineProvider({
  id: 'supabase',
  name: 'Supabase',
  aliases: [],
  remediation: revokeAt(
    'Supabase (access tokens: https://supabase.com/dashboard/account/tokens; project secret and service_role keys: the project’s Settings → API Keys, where a leaked legacy service_role key means rotating the JWT secret)',
  ),
  rotation: {
    url: 'https://supabase.com/docs/guides/api/api-keys',
    create:
      'Create a new secret key (`sb_secret_…`) for the project, or a new personal access token, and move the workload to it.',
    revoke:
      'Delete the leaked secret key or access token; for a legacy service_role JWT, rotate the project’s JWT secret.',
  },
  // GET /v1/projects lists the projects a personal access token reaches (https://supabase.com/docs/reference/api/v1-list-all-projects).
  liveCheck: {
    defaultUrl: 'https://api.supabase.com',
    path: '/v1/projects',
    detectors: ['supabase-access-token'],
  },
});
