import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { circleci } from '../providers/circleci.js';

const remediation = circleci.remediation;
const risk =
  'A CircleCI token triggers pipelines, reads build logs and artifacts, and reads or writes the environment variables of the projects it reaches.';

// Personal and project API tokens: `CCIPAT_` / `CCIPRJ_` + 22 base62 + `_` + 40 hex
// (https://circleci.com/docs/managing-api-tokens/).
export const circleciToken: Detector = {
  id: 'circleci-token',
  provider: 'other',
  keyKind: 'CircleCI API token',
  severity: 'critical',
  risk,
  remediation,
  keywords: ['ccipat_', 'cciprj_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 80 },
  validate: (s) => isMixedAlnum(s.slice(7, 29)),
  redactPrefix: (s) => s.slice(0, 7),
  examples: {
    positive: (rng) => [`CCIPAT_${rng.string(ALNUM, 10)}Wm4${rng.string(ALNUM, 9)}_${rng.string(HEX, 40)}`],
    negative: [`CCIPAT_${'x'.repeat(22)}_${'0'.repeat(40)}`, 'CCIPAT_...'],
  },
};

// Older tokens: 40 hex with no prefix, only beside a CircleCI name (`CIRCLECI_TOKEN`, `CIRCLE_TOKEN`,
// what the CLI reads).
export const circleciLegacyToken: Detector = {
  id: 'circleci-legacy-token',
  provider: 'other',
  keyKind: 'CircleCI API token (unprefixed, 40 hex)',
  severity: 'critical',
  confidence: 'low',
  risk,
  remediation,
  keywords: ['circleci', 'circle_token', 'circletoken'],
  pattern: namedValuePattern(['circleci', 'circle_token', 'circletoken'], '[a-f0-9]{40}'),
  window: namedValueWindow(40),
  validate: (s, { match }) => namesVendorSecret(match) && hasLetterAndDigit(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 19)}b6${rng.string(HEX, 19)}`],
    negative: ['0'.repeat(40), 'your-circleci-token'],
    assignedTo: 'CIRCLECI_TOKEN',
  },
};
