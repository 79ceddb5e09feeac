import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { llamacloud } from '../providers/llamacloud.js';

// `llx-` + 48 base62 characters, as https://cloud.llamaindex.ai issues them (the SDKs read
// LLAMA_CLOUD_API_KEY, https://docs.cloud.llamaindex.ai/api_key).
export const llamacloudApiKey: Detector = prefixedKey({
  id: 'llamacloud-api-key',
  provider: 'llamacloud',
  keyKind: 'LlamaCloud (LlamaParse) API key',
  severity: 'high',
  risk: 'A LlamaCloud key parses documents on the project’s credits and reads its indexes and the documents in them.',
  remediation: llamacloud.remediation,
  prefixes: ['llx-'],
  body: '[A-Za-z0-9]{48}',
  maxBody: 48,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`llx-${rng.string(ALNUM, 22)}Lx5${rng.string(ALNUM, 23)}`],
    negative: ['LLAMA_CLOUD_API_KEY=llx-...', 'llx-your-api-key', 'llx-test'],
  },
});
