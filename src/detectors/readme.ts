import type { Detector } from './detector.js';
import { DIGITS, LOWER } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { readme } from '../providers/readme.js';

// API keys: `rdme_` + 70 lower-case base36 characters (https://docs.readme.com/main/reference/intro/authentication).
export const readmeApiKey: Detector = {
  id: 'readme-api-key',
  provider: 'other',
  keyKind: 'ReadMe API key',
  severity: 'medium',
  risk: 'A ReadMe key rewrites the project’s published documentation and API reference and reads its API metrics.',
  remediation: readme.remediation,
  keywords: ['rdme_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rdme_[a-z0-9]{70})(?![A-Za-z0-9_])/g,
  window: { before: 2, after: 80 },
  validate: (s) => hasLetterAndDigit(s.slice(5)),
  redactPrefix: () => 'rdme_',
  examples: {
    positive: (rng) => [`rdme_${rng.string(LOWER + DIGITS, 34)}r4${rng.string(LOWER + DIGITS, 34)}`],
    negative: [`rdme_${'x'.repeat(70)}`, 'rdme_xxxx'],
  },
};
