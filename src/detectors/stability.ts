import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedKey } from './named-key.js';
import { isMixedAlnum } from './token-shape.js';
import { stability } from '../providers/stability.js';

// `sk-` + 48 base62 characters: the shape of OpenAI's oldest keys and of other vendors' too, so only
// the name STABILITY_API_KEY / STABILITY_KEY (https://platform.stability.ai/docs/getting-started)
// makes it Stability's. The generic rule leaves `sk-` values to vendor detectors.
export const stabilityApiKey: Detector = namedKey({
  id: 'stability-api-key',
  provider: 'stability',
  keyKind: 'Stability AI API key',
  severity: 'high',
  risk: 'A Stability key generates images, video and audio billed to the account’s credits.',
  remediation: stability.remediation,
  names: [
    ['stability', 'api', 'key'],
    ['stability', 'key'],
  ],
  keywords: ['stability'],
  value: 'sk-[A-Za-z0-9]{48}',
  maxValue: 51,
  validate: (s) => isMixedAlnum(s.slice(3)),
  examples: {
    positive: (rng) => [`sk-${rng.string(ALNUM, 24)}St9${rng.string(ALNUM, 21)}`],
    negative: ['sk-...', 'sk-your-stability-key', `sk-${'x'.repeat(48)}`],
  },
});
