import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { xai } from '../providers/xai.js';

// `xai-` + 80 base62 characters, as the xAI console issues them (https://docs.x.ai/docs/overview).
export const xaiApiKey: Detector = prefixedKey({
  id: 'xai-api-key',
  provider: 'xai',
  keyKind: 'xAI API key',
  severity: 'high',
  risk: 'An xAI key runs Grok models billed to the team’s credits and reads the files and collections it can reach.',
  remediation: xai.remediation,
  prefixes: ['xai-'],
  body: '[A-Za-z0-9]{80}',
  maxBody: 80,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`xai-${rng.string(ALNUM, 40)}Qe7${rng.string(ALNUM, 37)}`],
    negative: ['XAI_API_KEY=xai-...', 'xai-your-api-key-here', `xai-${'x'.repeat(80)}`, 'xai-grok-client'],
  },
});
