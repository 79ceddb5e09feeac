import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { postman } from '../providers/postman.js';

// API keys: `PMAK-` + 24 hex + `-` + 34 hex (https://learning.postman.com/docs/developer/postman-api/authentication/).
export const postmanApiKey: Detector = {
  id: 'postman-api-key',
  provider: 'other',
  keyKind: 'Postman API key',
  severity: 'high',
  risk: 'A Postman API key reads and changes every workspace, collection and environment (often holding other keys) its user can reach.',
  remediation: postman.remediation,
  keywords: ['pmak-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 72 },
  validate: (s) => hasLetterAndDigit(s.slice(30)),
  redactPrefix: () => 'PMAK-',
  examples: {
    positive: (rng) => [`PMAK-${rng.string(HEX, 24)}-${rng.string(HEX, 16)}a3${rng.string(HEX, 16)}`],
    negative: [`PMAK-${'0'.repeat(24)}-${'0'.repeat(34)}`, 'PMAK-xxxxxxxx'],
  },
};
