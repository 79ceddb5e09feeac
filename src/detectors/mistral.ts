import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedKey } from './named-key.js';
import { isMixedAlnum } from './token-shape.js';
import { mistral } from '../providers/mistral.js';

// 32 base62 characters with no prefix: only the name MISTRAL_API_KEY
// (https://docs.mistral.ai/getting-started/quickstart/) tells them from any other token.
export const mistralApiKey: Detector = namedKey({
  id: 'mistral-api-key',
  provider: 'mistral',
  keyKind: 'Mistral AI API key',
  severity: 'high',
  risk: 'A Mistral key runs inference, fine-tunes and agents billed to the workspace.',
  remediation: mistral.remediation,
  names: [['mistral', 'api', 'key']],
  keywords: ['mistral'],
  value: '[A-Za-z0-9]{32}',
  maxValue: 32,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 15)}Mq7${rng.string(ALNUM, 14)}`],
    negative: ['your_mistral_api_key', '${MISTRAL_API_KEY}', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
});
