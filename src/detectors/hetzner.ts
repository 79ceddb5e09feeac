import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { hetzner } from '../providers/hetzner.js';

// Cloud API tokens: 64 base62 characters with no prefix, so only beside a Hetzner name (`HCLOUD_TOKEN`,
// what the hcloud CLI and Terraform provider read; https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/).
export const hetznerApiToken: Detector = {
  id: 'hetzner-api-token',
  provider: 'other',
  keyKind: 'Hetzner Cloud API token',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Hetzner Cloud token creates, reads and deletes every server, volume, network and firewall of its project.',
  remediation: hetzner.remediation,
  keywords: ['hcloud', 'hetzner'],
  pattern: namedValuePattern(['hcloud', 'hetzner'], '[A-Za-z0-9]{64}'),
  window: namedValueWindow(64),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 30)}Nd5${rng.string(ALNUM, 31)}`],
    negative: ['x'.repeat(64), 'your_hcloud_token'],
    assignedTo: 'HCLOUD_TOKEN',
  },
};
