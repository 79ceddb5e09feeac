import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const sentry = defineProvider({
  id: 'sentry',
  name: 'Sentry',
  aliases: [],
  remediation: revokeAt('Sentry (Settings → Auth Tokens, or the organization’s Auth Tokens page)'),
  rotation: { url: 'https://docs.sentry.io/account/auth-tokens/' },
});
