import type { Detector } from './detector.js';
import { ALNUM, DIGITS, HEX, LOWER, URLSAFE } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { gitlab } from '../providers/gitlab.js';

// Prefixes from https://docs.gitlab.com/security/tokens/#token-prefixes; the lengths are those GitLab
// generates. Most legacy tokens carry 20 URL-safe characters; pipeline trigger tokens 40 hex, OAuth
// application secrets 64, agent tokens 50, incoming-mail tokens 25, CI job tokens an optional hex
// partition id and `_` before their 20. Routable tokens carry a longer payload and `.` + version + CRC
// (9 base36 characters).
const TWENTY = ['glpat', 'gldt', 'glrt', 'glsoat', 'glffct', 'glft'];
const PREFIXES = [...TWENTY, 'glcbt', 'glimt', 'glptt', 'gloas', 'glagent'];
const URLSAFE_BODY = '[A-Za-z0-9_-]';
const LEGACY = [
  `(?:${TWENTY.join('|')})-${URLSAFE_BODY}{20}`,
  `glcbt-(?:[0-9a-f]{1,5}_)?${URLSAFE_BODY}{20}`,
  `glimt-${URLSAFE_BODY}{25}`,
  'glptt-[0-9a-f]{40}',
  `gloas-${URLSAFE_BODY}{64}`,
  `glagent-${URLSAFE_BODY}{50}`,
];
const ROUTABLE = `(?:${PREFIXES.join('|')})-${URLSAFE_BODY}{27,300}\\.[0-9a-z]{9}`;

export const gitlabToken: Detector = {
  id: 'gitlab-token',
  provider: 'other',
  keyKind: 'GitLab access token (personal, project, deploy, runner, OAuth and others)',
  severity: 'high',
  risk: 'A GitLab token reads (and often pushes to) every repository, package and CI variable its scope reaches.',
  remediation: gitlab.remediation,
  keywords: PREFIXES.map((p) => `${p}-`),
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${ROUTABLE}|${LEGACY.join('|')})(?![A-Za-z0-9_.-])`, 'g'),
  window: { before: 8, after: 340 },
  validate: (s) => hasLetterAndDigit(s.slice(s.indexOf('-') + 1)),
  redactPrefix: (s) => s.slice(0, s.indexOf('-') + 1),
  examples: {
    positive: (rng) => [
      `glpat-${rng.string(ALNUM, 8)}7${rng.string(ALNUM, 11)}`,
      `gldt-${rng.string(ALNUM, 6)}4${rng.string(ALNUM, 13)}`,
      `glpat-${rng.string(ALNUM, 12)}8${rng.string(ALNUM, 24)}.01${rng.string(LOWER + DIGITS, 7)}`,
      `glptt-${rng.string(HEX, 19)}a7${rng.string(HEX, 19)}`,
      `gloas-${rng.string(URLSAFE, 31)}Q5${rng.string(URLSAFE, 31)}`,
      `glagent-${rng.string(URLSAFE, 24)}k3${rng.string(URLSAFE, 24)}`,
      `glcbt-64_${rng.string(ALNUM, 9)}6${rng.string(ALNUM, 10)}`,
    ],
    negative: [
      'glpat-XXXXXXXXXXX-XXXXXXXX',
      'glpat-abc',
      'glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx',
      'glpat-your_personal_token_here',
      // The wrong length for the prefix: a trigger token is 40 hex, an OAuth secret 64, an agent token 50.
      'glptt-0123456789abcdef0123456789abcdef0123',
      'glptt-0123456789abcdefXYZ3456789abcdef01234567',
      'gloas-0123456789abcdefABCDEF0123456789abcdef',
      'glagent-0123456789abcdefABCDEF0123456789abcdef',
    ],
  },
};

// Runner registration tokens (deprecated, still accepted): `GR1348941` + 20 URL-safe characters, the
// prefix GitLab gave them when it rotated them (https://docs.gitlab.com/security/tokens/#token-prefixes).
export const gitlabRunnerRegistrationToken: Detector = {
  id: 'gitlab-runner-registration-token',
  provider: 'other',
  keyKind: 'GitLab runner registration token',
  severity: 'high',
  risk: 'A runner registration token registers runners that receive the jobs, and the CI variables and secrets, of its project, group or instance.',
  remediation: gitlab.remediation,
  keywords: ['gr1348941'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 40 },
  validate: (s) => hasLetterAndDigit(s.slice(9)),
  redactPrefix: () => 'GR1348941',
  examples: {
    positive: (rng) => [`GR1348941${rng.string(ALNUM, 9)}x4${rng.string(URLSAFE, 9)}`],
    negative: ['GR134894112312312312312312312', 'GR1348941XXXXXXXXXXXXXXXXXXXX'],
  },
};
