import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { planetscale } from '../providers/planetscale.js';

// Service tokens `pscale_tkn_`, OAuth tokens `pscale_oauth_` and database passwords `pscale_pw_`, each
// + 43 characters (https://planetscale.com/docs/concepts/service-tokens,
// https://planetscale.com/docs/concepts/connection-strings).
export const planetscaleToken: Detector = {
  id: 'planetscale-token',
  provider: 'other',
  keyKind: 'PlanetScale service token, OAuth token or database password',
  severity: 'critical',
  risk: 'A PlanetScale token or password reads and writes the database’s rows, and a service token may also manage its branches and deploy requests.',
  remediation: planetscale.remediation,
  keywords: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_]{43})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 64 },
  validate: (s) => isMixedAlnum(s.slice(s.indexOf('_', 7) + 1)),
  redactPrefix: (s) => s.slice(0, s.indexOf('_', 7) + 1),
  examples: {
    positive: (rng) => [
      `pscale_tkn_${rng.string(ALNUM, 20)}Tb2${rng.string(ALNUM, 20)}`,
      `pscale_pw_${rng.string(ALNUM, 20)}mK7${rng.string(ALNUM, 20)}`,
    ],
    negative: ['pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pscale_pw_...'],
  },
};
