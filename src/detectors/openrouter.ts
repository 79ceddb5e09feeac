import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { openrouter } from '../providers/openrouter.js';

// `sk-or-v1-` + 64 lower-case hex characters (https://openrouter.ai/docs/guides/overview/auth/api-keys).
export const openrouterApiKey: Detector = {
  id: 'openrouter-api-key',
  provider: 'openrouter',
  keyKind: 'OpenRouter API key',
  severity: 'high',
  risk: 'An OpenRouter key runs inference on every model OpenRouter routes to, billed to the owner’s credits.',
  remediation: openrouter.remediation,
  keywords: ['sk-or-v1-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-or-v1-[a-f0-9]{64})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 80 },
  validate: (s) => hasLetterAndDigit(s.slice(9)),
  redactPrefix: () => 'sk-or-v1-',
  examples: {
    positive: (rng) => [`sk-or-v1-${rng.string(HEX, 30)}a7${rng.string(HEX, 32)}`],
    negative: [
      'sk-or-v1-your-key-here',
      `sk-or-v1-${'0'.repeat(64)}`,
      `sk-or-v1-${'ab12'.repeat(15)}`,
      'OPENROUTER_API_KEY=sk-or-v1-...',
    ],
  },
};
