import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { shippo } from '../providers/shippo.js';

// API tokens: `shippo_live_` / `shippo_test_` + 40 hex (https://docs.goshippo.com/docs/guides_general/authentication/).
export const shippoApiToken: Detector = {
  id: 'shippo-api-token',
  provider: 'other',
  keyKind: 'Shippo API token',
  severity: 'high',
  risk: 'A live Shippo token buys shipping labels billed to the account and reads its shipments and customer addresses.',
  remediation: shippo.remediation,
  keywords: ['shippo_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>shippo_(?:live|test)_[0-9a-f]{40})(?![A-Za-z0-9_])/g,
  window: { before: 2, after: 56 },
  validate: (s) => hasLetterAndDigit(s.slice(12)),
  redactPrefix: (s) => s.slice(0, 12),
  examples: {
    positive: (rng) => [
      `shippo_live_${rng.string(HEX, 19)}7f${rng.string(HEX, 19)}`,
      `shippo_test_${rng.string(HEX, 19)}b1${rng.string(HEX, 19)}`,
    ],
    negative: [
      'shippo_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'shippo_test_0000000000000000000000000000000000000000',
    ],
  },
};
