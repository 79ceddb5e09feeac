import type { Detector } from './detector.js';
import { ALNUM, LOWER, DIGITS } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { gitlab } from '../providers/gitlab.js';

// Prefixes from https://docs.gitlab.com/security/tokens/#token-prefixes. Legacy tokens carry 20
// characters; routable ones carry a longer payload and `.` + version + CRC (9 base36 characters).
const PREFIXES = ['glpat', 'gloas', 'gldt', 'glrt', 'glcbt', 'glptt', 'glft', 'glimt', 'glagent', 'glsoat', 'glffct'];

export const gitlabToken: Detector = {
  id: 'gitlab-token',
  provider: 'other',
  keyKind: 'GitLab access token (personal, project, deploy, runner, OAuth and others)',
  severity: 'high',
  risk: 'A GitLab token reads (and often pushes to) every repository, package and CI variable its scope reaches.',
  remediation: gitlab.remediation,
  keywords: PREFIXES.map((p) => `${p}-`),
  pattern: new RegExp(
    `(?<![A-Za-z0-9_-])(?<secret>(?:${PREFIXES.join('|')})-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{9})?)(?![A-Za-z0-9_.-])`,
    'g',
  ),
  window: { before: 8, after: 340 },
  validate: (s) => hasLetterAndDigit(s.slice(s.indexOf('-') + 1)),
  redactPrefix: (s) => s.slice(0, s.indexOf('-') + 1),
  examples: {
    positive: (rng) => [
      `glpat-${rng.string(ALNUM, 8)}7${rng.string(ALNUM, 11)}`,
      `gldt-${rng.string(ALNUM, 6)}4${rng.string(ALNUM, 13)}`,
      `glpat-${rng.string(ALNUM, 12)}8${rng.string(ALNUM, 24)}.01${rng.string(LOWER + DIGITS, 7)}`,
    ],
    negative: [
      'glpat-XXXXXXXXXXX-XXXXXXXX',
      'glpat-abc',
      'glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx',
      'glpat-your_personal_token_here',
    ],
  },
};
