import type { Detector } from './detector.js';
import { BASE64 } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { adyen } from '../providers/adyen.js';

// API keys as the Customer Area issues them: `AQE` + a long base64 part, `-`, a 44-character base64
// part, then `-` and a short printable tail (https://docs.adyen.com/development-resources/api-credentials/).
// The secret reported is the two base64 parts; the tail, which may hold quotes, is left out.
export const adyenApiKey: Detector = {
  id: 'adyen-api-key',
  provider: 'other',
  keyKind: 'Adyen API key',
  severity: 'critical',
  risk: 'An Adyen API key takes payments, issues refunds and reads the transactions of every merchant account its credential can reach.',
  remediation: adyen.remediation,
  keywords: ['aqe'],
  pattern: /(?<![A-Za-z0-9+/])(?<secret>AQE[A-Za-z0-9+/]{60,260}={0,2}-[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/g,
  window: { before: 2, after: 340 },
  validate: (s) => isMixedAlnum(s.slice(3, s.indexOf('-'))),
  redactPrefix: () => 'AQE',
  examples: {
    positive: (rng) => [
      `AQE${rng.string(BASE64, 60)}Ad9${rng.string(BASE64, 70)}=-${rng.string(BASE64, 43)}=-${rng.string(BASE64, 16)}`,
    ],
    negative: [`AQE${'X'.repeat(100)}=-${'X'.repeat(43)}=`, 'AQE...'],
  },
};
