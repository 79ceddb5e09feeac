import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { databricks } from '../providers/databricks.js';

// `dapi` + 32 hex, sometimes with a `-N` suffix (https://docs.databricks.com/en/dev-tools/auth/pat.html).
export const databricksAccessToken: Detector = {
  id: 'databricks-access-token',
  provider: 'other',
  keyKind: 'Databricks personal access token',
  severity: 'high',
  risk: 'A Databricks token runs jobs and notebooks and reads every table and secret scope its user can.',
  remediation: databricks.remediation,
  keywords: ['dapi'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dapi[a-fA-F0-9]{32}(?:-\d)?)(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 48 },
  validate: (s) => hasLetterAndDigit(s.slice(4, 36)),
  redactPrefix: () => 'dapi',
  examples: {
    positive: (rng) => [
      `dapi${rng.string(HEX, 15)}e7${rng.string(HEX, 15)}`,
      `dapi${rng.string(HEX, 15)}b3${rng.string(HEX, 15)}-2`,
    ],
    negative: ['dapi1234', `mydapi${'0'.repeat(32)}`, 'dapi_client_settings', 'dapi123456789012345678a9bc01234defg5'],
  },
};
