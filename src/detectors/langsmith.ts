import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { langsmith } from '../providers/langsmith.js';

// Personal access tokens `lsv2_pt_` and service keys `lsv2_sk_`, then 32 hex, `_` and 10 hex
// (https://docs.langchain.com/langsmith/create-account-api-key; the shape LangSmith issues).
export const langsmithApiKey: Detector = prefixedKey({
  id: 'langsmith-api-key',
  provider: 'langsmith',
  keyKind: 'LangSmith API key',
  severity: 'high',
  risk: 'A LangSmith key reads every trace of its workspace, with the prompts, outputs and data they hold, and writes new ones.',
  remediation: langsmith.remediation,
  prefixes: ['lsv2_pt_', 'lsv2_sk_'],
  body: '[a-f0-9]{32}_[a-f0-9]{10}',
  maxBody: 43,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [
      `lsv2_pt_${rng.string(HEX, 15)}a4${rng.string(HEX, 15)}_${rng.string(HEX, 10)}`,
      `lsv2_sk_${rng.string(HEX, 15)}7c${rng.string(HEX, 15)}_${rng.string(HEX, 10)}`,
    ],
    negative: ['LANGSMITH_API_KEY=lsv2_pt_...', 'lsv2_pt_your_key_here', `lsv2_sk_${'0'.repeat(32)}_${'0'.repeat(10)}`],
  },
});
