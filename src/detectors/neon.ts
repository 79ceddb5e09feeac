import type { Detector } from './detector.js';
import { hasLetterAndDigit } from './token-shape.js';
import { neon } from '../providers/neon.js';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

// API keys: `napi_` + 64 lower-case letters and digits, the shape the Neon console issues
// (https://neon.com/docs/manage/api-keys).
export const neonApiKey: Detector = {
  id: 'neon-api-key',
  provider: 'other',
  keyKind: 'Neon API key',
  severity: 'critical',
  risk: 'A Neon API key creates, reads the connection strings of and deletes the projects, branches and databases its scope reaches.',
  remediation: neon.remediation,
  keywords: ['napi_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>napi_[a-z0-9]{64})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 76 },
  validate: (s) => hasLetterAndDigit(s.slice(5)),
  redactPrefix: () => 'napi_',
  examples: {
    positive: (rng) => [`napi_${rng.string(LOWER_ALNUM, 31)}q5${rng.string(LOWER_ALNUM, 31)}`],
    negative: [`napi_${'x'.repeat(64)}`, 'napi_module_register', 'napi_create_string_utf8'],
  },
};
