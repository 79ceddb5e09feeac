import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedKey } from './named-key.js';
import { isMixedAlnum } from './token-shape.js';
import { cohere } from '../providers/cohere.js';

// 40 base62 characters with no prefix, under the SDKs' CO_API_KEY or COHERE_API_KEY
// (https://docs.cohere.com/reference/about).
export const cohereApiKey: Detector = namedKey({
  id: 'cohere-api-key',
  provider: 'cohere',
  keyKind: 'Cohere API key',
  severity: 'high',
  risk: 'A Cohere key runs generation, embeddings and reranking billed to the account and reads its datasets and fine-tunes.',
  remediation: cohere.remediation,
  names: [
    ['co', 'api', 'key'],
    ['cohere', 'api', 'key'],
  ],
  keywords: ['cohere', 'co_api_key', 'coapikey'],
  value: '[A-Za-z0-9]{40}',
  maxValue: 40,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 20)}Cx2${rng.string(ALNUM, 17)}`],
    negative: ['your-cohere-api-key', '${CO_API_KEY}', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
});
