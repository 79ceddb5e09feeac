import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { UUID_VALUE, namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { railway } from '../providers/railway.js';

// Account, team and project tokens are UUIDs, so only beside a Railway name (`RAILWAY_TOKEN`,
// `RAILWAY_API_TOKEN`, what the CLI reads; https://docs.railway.com/guides/cli#tokens).
export const railwayToken: Detector = {
  id: 'railway-token',
  provider: 'other',
  keyKind: 'Railway API token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Railway token deploys, reads the variables of and deletes the services of its project or of every project its account reaches.',
  remediation: railway.remediation,
  keywords: ['railway'],
  pattern: namedValuePattern(['railway'], UUID_VALUE),
  window: namedValueWindow(36),
  validate: (_s, { match }) => namesVendorSecret(match),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${rng.string(HEX, 8)}-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-b${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`,
    ],
    negative: ['xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', '00000000-0000-0000-0000-000000000000'],
    assignedTo: 'RAILWAY_TOKEN',
  },
};
