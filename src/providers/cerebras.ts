import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const cerebras = defineProvider({
  id: 'cerebras',
  name: 'Cerebras',
  aliases: [],
  remediation: revokeAt('https://cloud.cerebras.ai (API Keys)'),
  rotation: { url: 'https://cloud.cerebras.ai' },
  // GET /v1/models lists the models the key may use (https://inference-docs.cerebras.ai/api-reference/models).
  liveCheck: { defaultUrl: 'https://api.cerebras.ai', path: '/v1/models' },
});
