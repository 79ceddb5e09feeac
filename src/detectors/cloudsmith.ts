import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { cloudsmith } from '../providers/cloudsmith.js';

// API keys: 40 hex with no prefix, only beside a Cloudsmith name (`CLOUDSMITH_API_KEY`, what the CLI
// reads; https://help.cloudsmith.io/docs/api-key).
export const cloudsmithApiKey: Detector = {
  id: 'cloudsmith-api-key',
  provider: 'other',
  keyKind: 'Cloudsmith API key',
  severity: 'high',
  confidence: 'low',
  risk: 'A Cloudsmith key downloads from and publishes to every package repository its user or service account reaches.',
  remediation: cloudsmith.remediation,
  keywords: ['cloudsmith'],
  pattern: namedValuePattern(['cloudsmith'], '[a-f0-9]{40}'),
  window: namedValueWindow(40),
  validate: (s, { match }) => namesVendorSecret(match) && hasLetterAndDigit(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 19)}d5${rng.string(HEX, 19)}`],
    negative: ['0'.repeat(40), 'your-cloudsmith-api-key'],
    assignedTo: 'CLOUDSMITH_API_KEY',
  },
};
