import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const airtable = defineProvider({
  id: 'airtable',
  name: 'Airtable',
  aliases: [],
  remediation: revokeAt('https://airtable.com/create/tokens (the token → Delete or Regenerate)'),
  rotation: { url: 'https://airtable.com/create/tokens' },
  // GET /v0/meta/whoami returns the token's user (https://airtable.com/developers/web/api/get-user-id-scopes).
  liveCheck: { defaultUrl: 'https://api.airtable.com', path: '/v0/meta/whoami' },
});
