import type { Detector } from './detector.js';
import { BASE64, URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { flyio } from '../providers/flyio.js';

const remediation = flyio.remediation;

// OAuth-style tokens: `fo1_` + 43 URL-safe characters.
export const flyioAccessToken: Detector = {
  id: 'flyio-access-token',
  provider: 'other',
  keyKind: 'Fly access token',
  severity: 'high',
  risk: 'A Fly access token deploys, reads the secrets of and destroys every app in its organizations.',
  remediation,
  keywords: ['fo1_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 56 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'fo1_',
  examples: {
    positive: (rng) => [`fo1_${rng.string(URLSAFE, 20)}Vx3${rng.string(URLSAFE, 20)}`],
    negative: ['fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'MINIDUMP_SYSMEMINFO1_PERF_CCTOTALDIRTYPAGES'],
  },
};

// Macaroon tokens (what `fly tokens create` prints after `FlyV1 `): `fm1a_`, `fm1r_` or `fm2_` +
// base64 of 100 or more characters.
export const flyioMacaroonToken: Detector = {
  id: 'flyio-macaroon-token',
  provider: 'other',
  keyKind: 'Fly macaroon token',
  severity: 'high',
  risk: 'A Fly macaroon token deploys or reads the apps and organization it was scoped to.',
  remediation,
  keywords: ['fm1a_', 'fm1r_', 'fm2_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,3000}={0,3})(?![A-Za-z0-9+/=_])/g,
  window: { before: 8, after: 3020 },
  validate: (s) => isMixedAlnum(s.slice(5)),
  redactPrefix: (s) => s.slice(0, s.indexOf('_') + 1),
  examples: {
    positive: (rng) => [`FlyV1 fm2_lJPE${rng.string(BASE64, 60)}Qm7${rng.string(BASE64, 80)}`],
    negative: ['fm2_short', 'FlyV1 fm2_...'],
  },
};
