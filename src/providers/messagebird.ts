import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const messagebird = defineProvider({
  id: 'messagebird',
  name: 'MessageBird (Bird)',
  aliases: ['message-bird'],
  remediation: revokeAt('the MessageBird dashboard (Developers → API access → the key → Delete)'),
  rotation: { url: 'https://developers.messagebird.com/api/#api-endpoint' },
});
