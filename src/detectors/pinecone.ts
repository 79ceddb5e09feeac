import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { pinecone } from '../providers/pinecone.js';

// `pcsk_` + a 5–6 character key id + `_` + 63 base62 characters
// (https://docs.pinecone.io/guides/projects/manage-api-keys; the shape the console issues).
export const pineconeApiKey: Detector = prefixedKey({
  id: 'pinecone-api-key',
  provider: 'pinecone',
  keyKind: 'Pinecone API key',
  severity: 'high',
  risk: 'A Pinecone key reads, writes and deletes the vectors of every index in its project.',
  remediation: pinecone.remediation,
  prefixes: ['pcsk_'],
  body: '[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}',
  maxBody: 70,
  validate: (body) => isMixedAlnum(body.slice(body.indexOf('_') + 1)),
  examples: {
    positive: (rng) => [
      `pcsk_${rng.string(ALNUM, 6)}_${rng.string(ALNUM, 30)}Tn4${rng.string(ALNUM, 30)}`,
      `pcsk_${rng.string(ALNUM, 5)}_${rng.string(ALNUM, 30)}bK2${rng.string(ALNUM, 30)}`,
    ],
    negative: [
      'PINECONE_API_KEY=pcsk_...',
      'pcsk_xxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'pcsk_abc',
    ],
  },
});
