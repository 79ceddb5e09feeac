import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { UUID_VALUE, namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { snyk } from '../providers/snyk.js';

// API tokens are UUIDs, only beside a Snyk name (`SNYK_TOKEN`, what the CLI and the GitHub Action read;
// https://docs.snyk.io/snyk-cli/authenticate-to-use-the-cli). An organization id is a UUID too: the
// name must say token or key.
export const snykApiToken: Detector = {
  id: 'snyk-api-token',
  provider: 'other',
  keyKind: 'Snyk API token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Snyk token reads the vulnerability reports and imported source of every organization its user or service account reaches.',
  remediation: snyk.remediation,
  keywords: ['snyk'],
  pattern: namedValuePattern(['snyk'], UUID_VALUE),
  window: namedValueWindow(36),
  validate: (_s, { match }) => namesVendorSecret(match),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${rng.string(HEX, 8)}-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-8${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`,
    ],
    negative: ['xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', '00000000-0000-0000-0000-000000000000'],
    assignedTo: 'SNYK_TOKEN',
  },
};
