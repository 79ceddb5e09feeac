import type { Detector } from './detector.js';
import { DIGITS, UPPER } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { vultr } from '../providers/vultr.js';

// API keys: 36 upper-case letters and digits with no prefix, so only beside a Vultr name
// (`VULTR_API_KEY`, the CLI's and Terraform provider's; https://docs.vultr.com/platform/other/api/manage-api-keys).
export const vultrApiKey: Detector = {
  id: 'vultr-api-key',
  provider: 'other',
  keyKind: 'Vultr API key',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Vultr API key creates, reads and destroys every instance, bare-metal server, object store and DNS zone of the account.',
  remediation: vultr.remediation,
  keywords: ['vultr'],
  pattern: namedValuePattern(['vultr'], '[A-Z0-9]{36}'),
  window: namedValueWindow(36),
  validate: (s, { match }) => namesVendorSecret(match) && /[0-9]/.test(s) && /[A-Z]/.test(s) && new Set(s).size >= 12,
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(UPPER, 10)}${rng.string(DIGITS, 3)}${rng.string(UPPER + DIGITS, 23)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'YOUR_VULTR_API_KEY'],
    assignedTo: 'VULTR_API_KEY',
  },
};
