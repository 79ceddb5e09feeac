import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { groq } from '../providers/groq.js';

// `gsk_` + 52 base62 characters (https://console.groq.com/keys).
export const groqApiKey: Detector = {
  id: 'groq-api-key',
  provider: 'other',
  keyKind: 'Groq API key',
  severity: 'high',
  risk: 'A Groq key runs inference billed to the owner’s account.',
  remediation: groq.remediation,
  keywords: ['gsk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 64 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'gsk_',
  examples: {
    positive: (rng) => [`gsk_${rng.string(ALNUM, 20)}Wd7${rng.string(ALNUM, 29)}`],
    negative: ['gsk_abc123', `gsk_${'A1b'.repeat(17)}A`, `wordgsk_${'x'.repeat(52)}`],
  },
};
