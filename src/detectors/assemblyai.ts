import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { assemblyai } from '../providers/assemblyai.js';

// 32 hex characters with no prefix, under ASSEMBLYAI_API_KEY
// (https://www.assemblyai.com/docs/api-reference/overview#authorization).
export const assemblyaiApiKey: Detector = namedKey({
  id: 'assemblyai-api-key',
  provider: 'assemblyai',
  keyKind: 'AssemblyAI API key',
  severity: 'high',
  risk: 'An AssemblyAI key transcribes audio billed to the account and reads every past transcript of its project.',
  remediation: assemblyai.remediation,
  names: [
    ['assemblyai', 'api', 'key'],
    ['assembly', 'ai', 'api', 'key'],
    ['assemblyai', 'key'],
  ],
  keywords: ['assemblyai', 'assembly_ai'],
  value: '[a-f0-9]{32}',
  maxValue: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}f1${rng.string(HEX, 15)}`],
    negative: ['your-assemblyai-key', '${ASSEMBLYAI_API_KEY}', '00000000000000000000000000000000'],
  },
});
