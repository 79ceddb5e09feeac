import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const figma = defineProvider({
  id: 'figma',
  name: 'Figma',
  aliases: [],
  remediation: revokeAt('Figma (Settings → Security → Personal access tokens)'),
  rotation: { url: 'https://www.figma.com/developers/api#access-tokens' },
  // GET /v1/me returns the user of a personal access token sent in X-Figma-Token (https://developers.figma.com/docs/rest-api/).
  liveCheck: { defaultUrl: 'https://api.figma.com', path: '/v1/me', auth: { header: 'X-Figma-Token' } },
});
