import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { buildkite } from '../providers/buildkite.js';

// API access tokens: `bkua_` + 40 lower-case hex (https://buildkite.com/docs/apis/managing-api-tokens).
export const buildkiteApiToken: Detector = {
  id: 'buildkite-api-token',
  provider: 'other',
  keyKind: 'Buildkite API access token',
  severity: 'critical',
  risk: 'A Buildkite token reads build logs and artifacts and creates builds (running code on the organization’s agents) within its scopes.',
  remediation: buildkite.remediation,
  keywords: ['bkua_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>bkua_[a-f0-9]{40})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 52 },
  validate: (s) => hasLetterAndDigit(s.slice(5)),
  redactPrefix: () => 'bkua_',
  examples: {
    positive: (rng) => [`bkua_${rng.string(HEX, 19)}c8${rng.string(HEX, 19)}`],
    negative: [`bkua_${'0'.repeat(40)}`, 'bkua_abc'],
  },
};
