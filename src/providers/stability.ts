import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const stability = defineProvider({
  id: 'stability',
  name: 'Stability AI',
  aliases: ['stability-ai', 'stabilityai'],
  remediation: revokeAt('https://platform.stability.ai/account/keys'),
  rotation: { url: 'https://platform.stability.ai/account/keys' },
  // GET /v1/user/account describes the key's account (https://platform.stability.ai/docs/api-reference#tag/User).
  liveCheck: { defaultUrl: 'https://api.stability.ai', path: '/v1/user/account' },
});
