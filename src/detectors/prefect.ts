import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { prefect } from '../providers/prefect.js';

// API keys: `pnu_` (user) or `pnb_` (service account) + 36 base62 characters
// (https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys).
export const prefectApiKey: Detector = {
  id: 'prefect-api-key',
  provider: 'other',
  keyKind: 'Prefect Cloud API key',
  severity: 'high',
  risk: 'A Prefect API key runs and changes the flows, deployments and blocks (often holding other credentials) of its workspaces.',
  remediation: prefect.remediation,
  keywords: ['pnu_', 'pnb_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pn[ub]_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 48 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [`pnu_${rng.string(ALNUM, 17)}Rd2${rng.string(ALNUM, 16)}`],
    negative: ['pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pnu_abc'],
  },
};
