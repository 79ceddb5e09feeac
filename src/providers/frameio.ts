import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const frameio = defineProvider({
  id: 'frameio',
  name: 'Frame.io',
  aliases: ['frame-io'],
  remediation: revokeAt('https://developer.frame.io/app/tokens (the token → Delete)'),
  rotation: { url: 'https://developer.frame.io/docs/getting-started/authentication' },
});
