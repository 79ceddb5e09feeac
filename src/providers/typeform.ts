import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const typeform = defineProvider({
  id: 'typeform',
  name: 'Typeform',
  aliases: [],
  remediation: revokeAt('https://admin.typeform.com/account#/section/tokens (the token → Delete)'),
  rotation: { url: 'https://www.typeform.com/developers/get-started/personal-access-token/' },
});
