import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { jina } from '../providers/jina.js';

// `jina_` + 32 hex + 28 URL-safe characters, as https://jina.ai/api-dashboard issues them.
export const jinaApiKey: Detector = prefixedKey({
  id: 'jina-api-key',
  provider: 'jina',
  keyKind: 'Jina AI API key',
  severity: 'medium',
  risk: 'A Jina key spends the owner’s token balance on embeddings, reranking and the reader and search APIs.',
  remediation: jina.remediation,
  prefixes: ['jina_'],
  body: '[a-f0-9]{32}[A-Za-z0-9_-]{28}',
  maxBody: 60,
  validate: (body) => hasLetterAndDigit(body.slice(0, 32)) && isMixedAlnum(body.slice(32)),
  examples: {
    positive: (rng) => [
      `jina_${rng.string(HEX, 15)}b2${rng.string(HEX, 15)}${rng.string(ALNUM, 12)}Rw5${rng.string(ALNUM, 13)}`,
    ],
    negative: [
      'JINA_API_KEY=jina_...',
      'jina_api_key=jina_api_key',
      'jina_embeddings_v2_base_en_model_name_for_retrieval_tasks_v3',
    ],
  },
});
