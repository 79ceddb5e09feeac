import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { pulumi } from '../providers/pulumi.js';

// Access tokens: `pul-` + 40 hex (https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/).
export const pulumiAccessToken: Detector = {
  id: 'pulumi-access-token',
  provider: 'other',
  keyKind: 'Pulumi Cloud access token',
  severity: 'critical',
  risk: 'A Pulumi token reads the state (with its decrypted secrets) of and updates every stack its user, team or organization reaches.',
  remediation: pulumi.remediation,
  keywords: ['pul-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pul-[a-f0-9]{40})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 52 },
  validate: (s) => hasLetterAndDigit(s.slice(4)),
  redactPrefix: () => 'pul-',
  examples: {
    positive: (rng) => [`pul-${rng.string(HEX, 19)}f3${rng.string(HEX, 19)}`],
    negative: [`pul-${'0'.repeat(40)}`, 'pul-abc123', `git-pul-${'ab12'.repeat(10)}`],
  },
};
