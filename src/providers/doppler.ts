import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const doppler = defineProvider({
  id: 'doppler',
  name: 'Doppler',
  aliases: [],
  remediation: revokeAt(
    'Doppler (service tokens: the config’s Access tab; personal tokens: Tokens in the dashboard; service account tokens: the service account’s page)',
    'create a new token with read access to only the config it needs and update where it is stored, then review the workplace’s activity log',
  ),
  rotation: {
    url: 'https://docs.doppler.com/docs/service-tokens',
    create: 'Create a new service token for the one config the workload reads, read-only.',
    revoke: 'Revoke the old token in the config’s Access tab (or `doppler configs tokens revoke`).',
  },
  // GET /v3/me answers the token's own identity (https://docs.doppler.com/reference/auth-me).
  liveCheck: { defaultUrl: 'https://api.doppler.com', path: '/v3/me' },
});
