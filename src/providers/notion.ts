import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const notion = defineProvider({
  id: 'notion',
  name: 'Notion',
  aliases: [],
  remediation: revokeAt(
    'https://www.notion.so/profile/integrations (the integration → Secrets → Refresh)',
    'share only the pages it needs, update the environment secret',
  ),
  rotation: { url: 'https://www.notion.so/profile/integrations' },
  // GET /v1/users/me returns the bot user of the token (https://developers.notion.com/reference/get-self).
  liveCheck: {
    defaultUrl: 'https://api.notion.com',
    path: '/v1/users/me',
    headers: { 'notion-version': '2022-06-28' },
  },
});
