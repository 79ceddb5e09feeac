import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { easypost } from '../providers/easypost.js';

// API keys: `EZAK` (production) or `EZTK` (test) + 54 base62 characters (https://docs.easypost.com/docs/authentication).
export const easypostApiKey: Detector = {
  id: 'easypost-api-key',
  provider: 'other',
  keyKind: 'EasyPost API key',
  severity: 'high',
  risk: 'A production EasyPost key buys shipping labels billed to the account and reads its shipments and customer addresses.',
  remediation: easypost.remediation,
  keywords: ['ezak', 'eztk'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>EZ[AT]K[A-Za-z0-9]{54})(?![A-Za-z0-9_])/g,
  window: { before: 2, after: 60 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [
      `EZAK${rng.string(ALNUM, 26)}Ep3${rng.string(ALNUM, 25)}`,
      `EZTK${rng.string(ALNUM, 26)}Ep8${rng.string(ALNUM, 25)}`,
    ],
    negative: [`EZAK${'X'.repeat(54)}`, 'EZAK_your_production_key'],
  },
};
