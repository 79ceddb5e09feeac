import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { sourcegraph } from '../providers/sourcegraph.js';

// `sgp_` + (16-hex instance id or `local`) + `_` + 40 hex, or the older `sgp_` + 40 hex
// (https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token).
export const sourcegraphAccessToken: Detector = {
  id: 'sourcegraph-access-token',
  provider: 'other',
  keyKind: 'Sourcegraph access token',
  severity: 'high',
  risk: 'A Sourcegraph token searches and reads every repository indexed by the instance that its user can see.',
  remediation: sourcegraph.remediation,
  keywords: ['sgp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 72 },
  validate: (s) => hasLetterAndDigit(s.slice(-40)),
  redactPrefix: (s) => s.slice(0, s.length - 40),
  examples: {
    positive: (rng) => [
      `sgp_${rng.string(HEX, 16)}_${rng.string(HEX, 19)}a5${rng.string(HEX, 19)}`,
      `sgp_local_${rng.string(HEX, 19)}d0${rng.string(HEX, 19)}`,
    ],
    negative: ['sgp_', `sgp_local_${'g'.repeat(40)}`, `sgp_${'0'.repeat(40)}`],
  },
};
