import type { Detector } from './detector.js';
import { ALNUM, URLSAFE } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { netlify } from '../providers/netlify.js';

const remediation = netlify.remediation;
const risk = 'A Netlify token deploys, reads the environment variables of and deletes every site its user can reach.';

// Personal access tokens since 2023: `nfp_` + 36 characters (https://docs.netlify.com/api/get-started/#authentication).
export const netlifyAccessToken: Detector = {
  id: 'netlify-access-token',
  provider: 'other',
  keyKind: 'Netlify personal access token',
  severity: 'critical',
  risk,
  remediation,
  keywords: ['nfp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>nfp_[A-Za-z0-9_]{36})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 48 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'nfp_',
  examples: {
    positive: (rng) => [`nfp_${rng.string(ALNUM, 17)}Lw4${rng.string(ALNUM, 16)}`],
    negative: ['nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'nfp_abc'],
  },
};

// Older tokens have no prefix: 43 URL-safe characters, only beside a Netlify name (`NETLIFY_AUTH_TOKEN`,
// what the Netlify CLI reads).
export const netlifyLegacyToken: Detector = {
  id: 'netlify-legacy-token',
  provider: 'other',
  keyKind: 'Netlify personal access token (unprefixed)',
  severity: 'critical',
  confidence: 'low',
  risk,
  remediation,
  keywords: ['netlify'],
  pattern: namedValuePattern(['netlify'], '[A-Za-z0-9_-]{43}'),
  window: namedValueWindow(43),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(URLSAFE, 20)}Pz6${rng.string(URLSAFE, 20)}`],
    negative: ['x'.repeat(43), 'your-netlify-auth-token'],
    assignedTo: 'NETLIFY_AUTH_TOKEN',
  },
};
