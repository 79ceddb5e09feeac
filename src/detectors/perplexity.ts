import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { perplexity } from '../providers/perplexity.js';

// `pplx-` + 48 base62 characters (https://docs.perplexity.ai/guides/getting-started).
export const perplexityApiKey: Detector = {
  id: 'perplexity-api-key',
  provider: 'other',
  keyKind: 'Perplexity API key',
  severity: 'high',
  risk: 'A Perplexity key runs searches and completions billed to the owner’s credits.',
  remediation: perplexity.remediation,
  keywords: ['pplx-'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 60 },
  validate: (s) => isMixedAlnum(s.slice(5)),
  redactPrefix: () => 'pplx-',
  examples: {
    positive: (rng) => [`pplx-${rng.string(ALNUM, 20)}Kq4${rng.string(ALNUM, 25)}`],
    negative: [
      'pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'pplx-api-client',
      'PERPLEXITY_API_KEY=pplx-...',
    ],
  },
};
