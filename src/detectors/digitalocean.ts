import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { digitalocean } from '../providers/digitalocean.js';

// `dop_v1_` personal access tokens, `doo_v1_` OAuth access tokens and `dor_v1_` OAuth refresh tokens,
// each + 64 hex (https://docs.digitalocean.com/platform/teams/manage-api-tokens/ and
// https://www.digitalocean.com/blog/introducing-new-token-prefixes).
export const digitaloceanToken: Detector = {
  id: 'digitalocean-token',
  provider: 'other',
  keyKind: 'DigitalOcean API token',
  severity: 'critical',
  risk: 'A DigitalOcean token creates, reads and destroys the team’s droplets, databases, Spaces keys and DNS within its scopes.',
  remediation: digitalocean.remediation,
  keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>do[opr]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 80 },
  validate: (s) => hasLetterAndDigit(s.slice(7)),
  redactPrefix: (s) => s.slice(0, 7),
  examples: {
    positive: (rng) => [
      `dop_v1_${rng.string(HEX, 31)}a7${rng.string(HEX, 31)}`,
      `dor_v1_${rng.string(HEX, 31)}4e${rng.string(HEX, 31)}`,
    ],
    negative: [
      'dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      `dop_v1_${'0'.repeat(64)}`,
      'dop_v1_abc123',
      `mydop_v1_${'a1'.repeat(32)}`,
    ],
  },
};
