import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { deepseek } from '../providers/deepseek.js';

// `sk-` + 32 hex: other vendors issue the same shape (Alibaba's DashScope), so only the name
// DEEPSEEK_API_KEY (https://api-docs.deepseek.com/) makes it DeepSeek's. The generic rule leaves every
// `sk-` value to the vendor detectors, so without this one the key is not reported at all.
export const deepseekApiKey: Detector = namedKey({
  id: 'deepseek-api-key',
  provider: 'deepseek',
  keyKind: 'DeepSeek API key',
  severity: 'high',
  risk: 'A DeepSeek key runs inference billed to the owner’s balance.',
  remediation: deepseek.remediation,
  names: [['deepseek', 'api', 'key']],
  keywords: ['deepseek'],
  value: 'sk-[a-f0-9]{32}',
  maxValue: 35,
  validate: (s) => hasLetterAndDigit(s.slice(3)),
  examples: {
    positive: (rng) => [`sk-${rng.string(HEX, 15)}e9${rng.string(HEX, 15)}`],
    negative: ['sk-...', 'sk-your-deepseek-key', `sk-${'0'.repeat(32)}`, 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
});
