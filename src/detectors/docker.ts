import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { docker } from '../providers/docker.js';

// Personal (`dckr_pat_`) and organization (`dckr_oat_`) access tokens: prefix + 27 URL-safe
// characters (https://docs.docker.com/security/for-developers/access-tokens/).
export const dockerHubAccessToken: Detector = {
  id: 'docker-hub-access-token',
  provider: 'other',
  keyKind: 'Docker Hub access token',
  severity: 'high',
  risk: 'A Docker Hub token pushes images to its owner’s repositories, so every pull of them runs the attacker’s code.',
  remediation: docker.remediation,
  keywords: ['dckr_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dckr_[po]at_[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 48 },
  validate: (s) => isMixedAlnum(s.slice(9)),
  redactPrefix: (s) => s.slice(0, 9),
  examples: {
    positive: (rng) => [`dckr_pat_${rng.string(URLSAFE, 12)}Q5v${rng.string(URLSAFE, 12)}`],
    negative: ['dckr_pat_tooshort', 'dckr_pat_', 'dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
