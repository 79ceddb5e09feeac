import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { airtable } from '../providers/airtable.js';

// Personal access tokens: `pat` + 14 base62 (the token id) + `.` + 64 hex
// (https://airtable.com/developers/web/guides/personal-access-tokens). `pat` starts `path` and
// `pattern`, too common a keyword, so the detector looks only near the word Airtable.
export const airtableAccessToken: Detector = {
  id: 'airtable-access-token',
  provider: 'other',
  keyKind: 'Airtable personal access token',
  severity: 'high',
  risk: 'An Airtable token reads and writes the records of every base it was granted, and with schema scopes changes their tables.',
  remediation: airtable.remediation,
  keywords: ['airtable'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pat[A-Za-z0-9]{14}\.[0-9a-f]{64})(?![A-Za-z0-9_])/g,
  window: { before: 200, after: 280 },
  validate: (s) => hasLetterAndDigit(s.slice(18)),
  redactPrefix: () => 'pat',
  examples: {
    positive: (rng) => [`pat${rng.string(ALNUM, 14)}.${rng.string(HEX, 31)}d0${rng.string(HEX, 31)}`],
    negative: [`patXXXXXXXXXXXXXX.${'0'.repeat(64)}`, 'patYourTokenId.abc'],
    assignedTo: 'AIRTABLE_API_KEY',
  },
};
