import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { figma } from '../providers/figma.js';

// `figd_` + 40 or more URL-safe characters (GitHub's supported secret-scanning patterns list it).
export const figmaAccessToken: Detector = {
  id: 'figma-access-token',
  provider: 'other',
  keyKind: 'Figma personal access token',
  severity: 'medium',
  risk: 'A Figma token reads (and with write scopes edits) every file, comment and library its user can open.',
  remediation: figma.remediation,
  keywords: ['figd_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>figd_[A-Za-z0-9_-]{40,200})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 220 },
  validate: (s) => isMixedAlnum(s.slice(5)),
  redactPrefix: () => 'figd_',
  examples: {
    positive: (rng) => [`figd_${rng.string(URLSAFE, 20)}Rk8${rng.string(URLSAFE, 20)}`],
    negative: ['figd_abc', 'figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
