import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { deepgram } from '../providers/deepgram.js';

// 40 hex characters with no prefix, under DEEPGRAM_API_KEY
// (https://developers.deepgram.com/docs/authenticating).
export const deepgramApiKey: Detector = namedKey({
  id: 'deepgram-api-key',
  provider: 'deepgram',
  keyKind: 'Deepgram API key',
  severity: 'high',
  risk: 'A Deepgram key transcribes and synthesizes speech billed to the project and, with an admin role, manages its keys and members.',
  remediation: deepgram.remediation,
  names: [['deepgram', 'api', 'key']],
  keywords: ['deepgram'],
  value: '[a-f0-9]{40}',
  maxValue: 40,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 19)}d2${rng.string(HEX, 19)}`],
    negative: ['your-deepgram-api-key', '${DEEPGRAM_API_KEY}', '0000000000000000000000000000000000000000'],
  },
});
