import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { crc32Base62, hasCrc32Checksum } from './checksum.js';
import { npm } from '../providers/npm.js';

export const npmAccessToken: Detector = {
  id: 'npm-access-token',
  provider: 'npm',
  keyKind: 'npm access token',
  severity: 'critical',
  confidence: 'high',
  risk: 'An npm token can publish new versions of every package its owner maintains — a supply-chain attack on all their users.',
  remediation: npm.remediation,
  keywords: ['npm_'],
  // npm_ + 30 random characters + base62 CRC32, like GitHub's tokens (GitHub blog, 2021-09-23).
  pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
  validate: (s) => hasCrc32Checksum(s, 4),
  allowPlaceholderLike: true,
  redactPrefix: () => 'npm_',
  examples: {
    positive: (rng) => {
      const random = rng.string(ALNUM, 30);
      return [`npm_${random}${crc32Base62(random)}`];
    },
    negative: [
      'npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'npm_run_all_scripts_in_parallel_okay',
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    ],
  },
};
