import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const discord = defineProvider({
  id: 'discord',
  name: 'Discord',
  aliases: [],
  remediation: revokeAt(
    'https://discord.com/developers/applications (the application → Bot → Reset Token; a webhook: the channel’s Integrations → Webhooks → Delete)',
  ),
  rotation: { url: 'https://discord.com/developers/docs/topics/oauth2#bots' },
});
