import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { jfrog } from '../providers/jfrog.js';

// API keys (deprecated, still in use): `AKCp` + 69 base62 characters; reference tokens: the base64 of
// `reftkn:01:…`, so `cmVmdGtuOjAx` + 52 base62 characters, 64 in all
// (https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens).
export const jfrogToken: Detector = {
  id: 'jfrog-token',
  provider: 'other',
  keyKind: 'JFrog Artifactory API key or reference token',
  severity: 'critical',
  risk: 'A JFrog key or token downloads from and deploys to every repository its user can reach, poisoning the packages builds pull.',
  remediation: jfrog.remediation,
  keywords: ['akcp', 'cmvmdgtuojax'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAx[A-Za-z0-9]{52})(?![A-Za-z0-9_+/=])/g,
  window: { before: 8, after: 84 },
  validate: (s) => isMixedAlnum(s.slice(12)),
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [
      `AKCp${rng.string(ALNUM, 33)}Nc5${rng.string(ALNUM, 33)}`,
      `cmVmdGtuOjAx${rng.string(ALNUM, 25)}Uh7${rng.string(ALNUM, 24)}`,
    ],
    negative: [`AKCp${'x'.repeat(69)}`, 'AKCp8abc'],
  },
};
