import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { voyage } from '../providers/voyage.js';

// `pa-` + 43 URL-safe characters, as https://dashboard.voyageai.com issues them
// (https://docs.voyageai.com/docs/api-key-and-installation).
export const voyageApiKey: Detector = prefixedKey({
  id: 'voyage-api-key',
  provider: 'voyage',
  keyKind: 'Voyage AI API key',
  severity: 'medium',
  risk: 'A Voyage key spends the organization’s balance on embeddings and reranking.',
  remediation: voyage.remediation,
  prefixes: ['pa-'],
  body: '[A-Za-z0-9_-]{43}',
  maxBody: 43,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`pa-${rng.string(URLSAFE, 20)}Vq8${rng.string(URLSAFE, 20)}`],
    negative: [
      'VOYAGE_API_KEY=pa-...',
      'pa-your-voyage-key-here',
      'spa-route-handler-with-a-very-long-name-okay',
      'pa-xxxxx',
    ],
  },
});
