import type { Detector } from './detector.js';
import { DIGITS, HEX, UPPER } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { newrelic } from '../providers/newrelic.js';

const remediation = newrelic.remediation;

// User keys: `NRAK-` + 27 upper-case letters and digits
// (https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#user-key).
export const newrelicUserApiKey: Detector = prefixedKey({
  id: 'newrelic-user-api-key',
  provider: 'newrelic',
  keyKind: 'New Relic user API key',
  severity: 'high',
  risk: 'A New Relic user key queries every account its user can reach through NerdGraph and changes alerts, dashboards and keys.',
  remediation,
  prefixes: ['NRAK-'],
  body: '[A-Z0-9]{27}',
  maxBody: 27,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`NRAK-${rng.string(UPPER + DIGITS, 12)}Q7${rng.string(UPPER + DIGITS, 13)}`],
    negative: ['NEW_RELIC_API_KEY=NRAK-...', 'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', 'NRAK-123'],
  },
});

// License (ingest) keys: 40 characters ending in `NRAL`, 32 hex then `FFFFNRAL` (EU ones start
// `eu01xx`) (https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key).
export const newrelicLicenseKey: Detector = {
  id: 'newrelic-license-key',
  provider: 'newrelic',
  keyKind: 'New Relic license key',
  severity: 'medium',
  risk: 'A license key sends metrics, events, logs and traces into the account, billed to it, and can flood or poison its data.',
  remediation,
  keywords: ['ffffnral'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>(?:[a-f0-9]{32}|eu01xx[a-f0-9]{26})FFFFNRAL)(?![A-Za-z0-9_-])/g,
  window: { before: 40, after: 16 },
  validate: (s) => hasLetterAndDigit(s.slice(0, 32)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${rng.string(HEX, 15)}b1${rng.string(HEX, 15)}FFFFNRAL`,
      `eu01xx${rng.string(HEX, 12)}c4${rng.string(HEX, 12)}FFFFNRAL`,
    ],
    negative: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxFFFFNRAL', '...FFFFNRAL', '00000000000000000000000000000000FFFFNRAL'],
  },
};
