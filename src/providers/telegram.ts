import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const telegram = defineProvider({
  id: 'telegram',
  name: 'Telegram',
  aliases: [],
  remediation: revokeAt(
    '@BotFather (/revoke, then the bot)',
    'take the new token BotFather issues and update the environment secret',
  ),
  rotation: { url: 'https://core.telegram.org/bots/features#botfather' },
});
