import type { Detector } from './detector.js';
import { ALNUM, URLSAFE } from './alphabets.js';
import { crc32Base62, hasCrc32Checksum } from './checksum.js';
import { github } from '../providers/github.js';

const remediation = github.remediation;

const KINDS: Record<string, string> = {
  p: 'personal access token',
  o: 'OAuth token',
  u: 'app user token',
  s: 'app installation token',
  r: 'app refresh token',
};

/** A classic-format token with the given body: 30 random characters and their base62 CRC32. */
export function makeGithubToken(prefix: string, random: string): string {
  return `${prefix}${random}${crc32Base62(random)}`;
}

export const githubToken: Detector = {
  id: 'github-token',
  provider: 'github',
  keyKind: 'GitHub token',
  severity: 'critical',
  confidence: 'high',
  risk: 'A GitHub token acts as its user or app: it can read private code and, with write scopes, push code or change settings.',
  remediation,
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
  // The last 6 characters are the checksum: documentation tokens fail it, random look-alikes almost always do.
  // https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
  validate: (s) => hasCrc32Checksum(s, 4),
  allowPlaceholderLike: true,
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => Object.keys(KINDS).map((k) => makeGithubToken(`gh${k}_`, rng.string(ALNUM, 30))),
    negative: [
      'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'gXX is not GitHub Token prefix',
      'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
    ],
  },
};

// Refresh tokens of expiring GitHub App user tokens: `ghr_` + 76 characters, 70 random and the same
// 6-character base62 CRC32 as the 36-character tokens (GitHub's own example in "Refreshing user access
// tokens" is 76 long; https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/).
export const githubRefreshToken: Detector = {
  id: 'github-refresh-token',
  provider: 'github',
  keyKind: 'GitHub app refresh token',
  severity: 'high',
  confidence: 'high',
  risk: 'A refresh token mints new user access tokens for its GitHub App for up to six months, each acting as the user.',
  remediation,
  keywords: ['ghr_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ghr_[A-Za-z0-9]{76})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 84 },
  validate: (s) => hasCrc32Checksum(s, 4),
  allowPlaceholderLike: true,
  redactPrefix: () => 'ghr_',
  examples: {
    positive: (rng) => [makeGithubToken('ghr_', rng.string(ALNUM, 70))],
    negative: [
      // GitHub's documentation example: its checksum does not hold.
      'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498',
      `ghr_${'x'.repeat(76)}`,
      'ghr_...',
    ],
  },
};

export const githubFineGrainedToken: Detector = {
  id: 'github-fine-grained-token',
  provider: 'github',
  keyKind: 'GitHub fine-grained personal access token',
  severity: 'critical',
  risk: 'A fine-grained token acts as its user on the repositories and permissions it was granted.',
  remediation,
  keywords: ['github_pat_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
  redactPrefix: () => 'github_pat_',
  examples: {
    positive: (rng) => [`github_pat_11${rng.string(ALNUM, 20)}_${rng.string(ALNUM, 59)}`],
    negative: [
      'github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'github_pat_...',
    ],
  },
};

export const githubInstallationJwtToken: Detector = {
  id: 'github-installation-token',
  provider: 'github',
  keyKind: 'GitHub app installation token (JWT format)',
  severity: 'high',
  risk: 'An installation token acts as the GitHub App on every repository of the installation, for up to an hour.',
  remediation,
  keywords: ['ghs_'],
  // The longer installation-token format: ghs_, the app id, then a signed JWT.
  pattern:
    /(?<![A-Za-z0-9_])(?<secret>ghs_[0-9]{1,12}_eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,1000})/g,
  redactPrefix: () => 'ghs_',
  examples: {
    positive: (rng) => [
      `ghs_${rng.int(1000, 999999)}_eyJ${rng.string(URLSAFE, 40)}.eyJ${rng.string(URLSAFE, 120)}.${rng.string(URLSAFE, 43)}`,
    ],
    negative: ['ghs_12345_eyJ...'],
  },
};
