import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { vercel } from '../providers/vercel.js';

// Vercel's prefixed credentials (2025): `vcp_` personal, `vci_` integration, `vca_` app access,
// `vcr_` app refresh tokens and `vck_` AI Gateway keys, each + a base62 body.
export const vercelToken: Detector = {
  id: 'vercel-token',
  provider: 'other',
  keyKind: 'Vercel access token or AI Gateway key',
  severity: 'high',
  risk: 'A Vercel token deploys to, reads the environment variables of and deletes the projects of its scope.',
  remediation: vercel.remediation,
  keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>vc[pikar]_[A-Za-z0-9]{24,60})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 72 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [
      `vcp_${rng.string(ALNUM, 18)}Hd4${rng.string(ALNUM, 19)}`,
      `vck_${rng.string(ALNUM, 20)}Rz9${rng.string(ALNUM, 27)}`,
    ],
    negative: ['vcp_abc', 'vcr_cassette_library_dir', 'vcp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
