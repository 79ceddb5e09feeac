import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { shopify } from '../providers/shopify.js';

// Admin API (`shpat_`), custom app (`shpca_`), private app (`shppa_`) tokens and shared secrets
// (`shpss_`): prefix + 32 hex in Shopify's docs; apps' older tokens mix cases, so any base62 body is read.
export const shopifyToken: Detector = {
  id: 'shopify-token',
  provider: 'other',
  keyKind: 'Shopify access token or app shared secret',
  severity: 'critical',
  risk: 'A Shopify admin token reads customers and orders and edits the store’s products, themes and payments settings.',
  remediation: shopify.remediation,
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,40})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 56 },
  validate: (s) => hasLetterAndDigit(s.slice(6)),
  redactPrefix: (s) => s.slice(0, 6),
  examples: {
    positive: (rng) => [
      `shpat_${rng.string(HEX, 15)}c4${rng.string(HEX, 15)}`,
      `shpss_${rng.string(HEX, 15)}9f${rng.string(HEX, 15)}`,
    ],
    negative: [
      'shpssSSSSS_SSSS_sssss is not api key',
      'shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'shpat_access_token_from_env',
    ],
  },
};
