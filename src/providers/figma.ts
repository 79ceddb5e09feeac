import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const figma = defineProvider({
  id: 'figma',
  name: 'Figma',
  aliases: [],
  remediation: revokeAt('Figma (Settings → Security → Personal access tokens)'),
  rotation: { url: 'https://www.figma.com/developers/api#access-tokens' },
});
