import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { lob } from '../providers/lob.js';

// Secret API keys: `live_` / `test_` + 35 hex (https://docs.lob.com/#tag/Authentication); `live_pub_`
// keys are publishable. `live_`, `test_` and `lob` are everyday text, so the keywords are the key's names.
export const lobApiKey: Detector = {
  id: 'lob-api-key',
  provider: 'other',
  keyKind: 'Lob secret API key',
  severity: 'high',
  risk: 'A live Lob key sends letters, postcards and checks billed to the account and reads the addresses it has mailed.',
  remediation: lob.remediation,
  keywords: ['lob_api_key', 'lobapikey', 'lob-api-key', 'lob_secret', 'lob_key', 'lob_live', 'lob_test'],
  pattern: namedValue('(?<![A-Za-z0-9])lob[_-]?(?:api[_-]?key|secret|key|live|test)', '(?:live|test)_[0-9a-f]{35}'),
  window: namedWindow(40),
  validate: (s) => hasLetterAndDigit(s.slice(5)),
  redactPrefix: (s) => s.slice(0, 5),
  examples: {
    positive: (rng) => [
      `live_${rng.string(HEX, 17)}a0${rng.string(HEX, 16)}`,
      `test_${rng.string(HEX, 17)}6e${rng.string(HEX, 16)}`,
    ],
    negative: [`live_${'0'.repeat(35)}`, 'live_pub_0123456789abcdef0123456789abcde'],
    assignedTo: 'LOB_API_KEY',
  },
};
