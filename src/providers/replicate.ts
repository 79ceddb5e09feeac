import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const replicate = defineProvider({
  id: 'replicate',
  name: 'Replicate',
  aliases: [],
  remediation: revokeAt('https://replicate.com/account/api-tokens'),
  rotation: { url: 'https://replicate.com/account/api-tokens' },
  // GET /v1/account names the account behind the token (https://replicate.com/docs/reference/http#accounts.get).
  liveCheck: { defaultUrl: 'https://api.replicate.com', path: '/v1/account' },
});
