import type { Detector } from './detector.js';
import { BASE64 } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { coinbase } from '../providers/coinbase.js';

// API secrets: base64 (an Ed25519 key of the Developer Platform, or the older exchange secrets), with
// no prefix (https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys): only a Coinbase name says
// whose. (ECDSA keys come as PEM blocks, which the private-key rule reports.)
export const coinbaseApiSecret: Detector = {
  id: 'coinbase-api-secret',
  provider: 'other',
  keyKind: 'Coinbase API secret',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Coinbase API secret, with its key name, trades, moves funds and reads the balances of the accounts it was granted.',
  remediation: coinbase.remediation,
  keywords: ['coinbase'],
  pattern: namedValue('coinbase[A-Za-z0-9_.-]{0,24}?secret', '[A-Za-z0-9+/]{32,100}={0,2}'),
  window: namedWindow(100),
  minEntropy: 4,
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(BASE64, 40)}Cb7${rng.string(BASE64, 42)}==`],
    negative: ['X'.repeat(64), 'YOUR_COINBASE_API_SECRET'],
    assignedTo: 'COINBASE_API_SECRET',
  },
};
