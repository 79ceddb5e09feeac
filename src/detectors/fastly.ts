import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { fastly } from '../providers/fastly.js';

// API tokens: 32 URL-safe characters with no prefix, only beside a Fastly name (`FASTLY_API_TOKEN`, what
// the CLI and Terraform provider read; https://docs.fastly.com/en/guides/using-api-tokens).
export const fastlyApiToken: Detector = {
  id: 'fastly-api-token',
  provider: 'other',
  keyKind: 'Fastly API token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Fastly token changes or purges the CDN configuration of the services its scope reaches, redirecting or breaking their traffic.',
  remediation: fastly.remediation,
  keywords: ['fastly'],
  pattern: namedValuePattern(['fastly'], '[A-Za-z0-9_-]{32}'),
  window: namedValueWindow(32),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(URLSAFE, 15)}Zk4${rng.string(URLSAFE, 14)}`],
    negative: ['x'.repeat(32), 'your-fastly-api-token'],
    assignedTo: 'FASTLY_API_TOKEN',
  },
};
