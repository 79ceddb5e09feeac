import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { linode } from '../providers/linode.js';

// Personal access tokens: 64 hex characters with no prefix, so only beside a Linode name
// (`LINODE_TOKEN`, `LINODE_CLI_TOKEN`; https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens).
export const linodeToken: Detector = {
  id: 'linode-token',
  provider: 'other',
  keyKind: 'Akamai Cloud (Linode) personal access token',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Linode token creates, reads and destroys the account’s instances, volumes, object storage keys and DNS within its scopes.',
  remediation: linode.remediation,
  keywords: ['linode'],
  pattern: namedValuePattern(['linode'], '[a-f0-9]{64}'),
  window: namedValueWindow(64),
  validate: (s, { match }) => namesVendorSecret(match) && hasLetterAndDigit(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 31)}c4${rng.string(HEX, 31)}`],
    negative: [`${'0'.repeat(64)}`, 'your-linode-token-here'],
    assignedTo: 'LINODE_TOKEN',
  },
};
