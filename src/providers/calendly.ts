import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const calendly = defineProvider({
  id: 'calendly',
  name: 'Calendly',
  aliases: [],
  remediation: revokeAt('https://calendly.com/integrations/api_webhooks (the token → Revoke)'),
  rotation: { url: 'https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens' },
  // GET /users/me returns the token's user (https://developer.calendly.com/api-docs/ff9832c5a6640-get-current-user).
  liveCheck: { defaultUrl: 'https://api.calendly.com', path: '/users/me' },
});
