import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { doppler } from '../providers/doppler.js';

// `dp.pt.` personal, `dp.st.` service (optionally `dp.st.<config>.`), `dp.sa.` service account,
// `dp.ct.` CLI, `dp.scim.` and `dp.audit.` tokens, each + 40 to 44 base62 characters
// (https://docs.doppler.com/reference/auth-token-formats).
export const dopplerToken: Detector = {
  id: 'doppler-token',
  provider: 'other',
  keyKind: 'Doppler token',
  severity: 'critical',
  risk: 'A Doppler token reads every secret of the configs it reaches, and a personal or service account token may change them.',
  remediation: doppler.remediation,
  keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
  pattern:
    /(?<![A-Za-z0-9_.])(?<secret>dp\.(?:pt|st(?:\.[a-z0-9_-]{2,35})?|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_.-])/g,
  window: { before: 8, after: 96 },
  validate: (s) => isMixedAlnum(s.slice(s.lastIndexOf('.') + 1)),
  redactPrefix: (s) => s.slice(0, s.lastIndexOf('.') + 1),
  examples: {
    positive: (rng) => [
      `dp.pt.${rng.string(ALNUM, 20)}Ym3${rng.string(ALNUM, 20)}`,
      `dp.st.prd.${rng.string(ALNUM, 20)}Ce8${rng.string(ALNUM, 20)}`,
    ],
    negative: ['dp.st.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dp.pt.abc', 'dp.st.dev.XXXXXXXX'],
  },
};
