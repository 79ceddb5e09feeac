import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const box = defineProvider({
  id: 'box',
  name: 'Box',
  aliases: [],
  remediation: revokeAt('https://app.box.com/developers/console (the app → Configuration → reset the client secret)'),
  rotation: { url: 'https://developer.box.com/guides/authentication/tokens/developer-tokens/' },
});
