import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { yandexCloud } from '../providers/yandex-cloud.js';

// Service account API keys: `AQVN` + 35 to 38 URL-safe characters
// (https://yandex.cloud/en/docs/iam/concepts/authorization/api-key).
export const yandexCloudApiKey: Detector = {
  id: 'yandex-cloud-api-key',
  provider: 'other',
  keyKind: 'Yandex Cloud API key',
  severity: 'high',
  risk: 'A Yandex Cloud API key calls the cloud’s APIs with every role of its service account.',
  remediation: yandexCloud.remediation,
  keywords: ['aqvn'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 48 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'AQVN',
  examples: {
    positive: (rng) => [`AQVN${rng.string(URLSAFE, 18)}Jk2${rng.string(URLSAFE, 17)}`],
    negative: ['AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AQVN...'],
  },
};
