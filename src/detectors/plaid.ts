import type { Detector, Rng } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { plaid } from '../providers/plaid.js';

const uuid = (rng: Rng): string => [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');

// The API secret is 30 hex characters beside the client id (https://plaid.com/docs/api/#api-access):
// only a Plaid name says whose.
export const plaidSecret: Detector = {
  id: 'plaid-secret',
  provider: 'other',
  keyKind: 'Plaid API secret',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Plaid secret, with the client id, calls the API for every linked bank account: balances, transactions and identity data.',
  remediation: plaid.remediation,
  keywords: ['plaid'],
  pattern: namedValue('plaid[A-Za-z0-9_.-]{0,24}?secret', '[0-9a-f]{30}'),
  window: namedWindow(30),
  validate: (s) => hasLetterAndDigit(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 14)}a5${rng.string(HEX, 14)}`],
    negative: ['000000000000000000000000000000', 'your_plaid_sandbox_secret_here'],
    assignedTo: 'PLAID_SECRET',
  },
};

// Access tokens name their environment: `access-sandbox-`, `access-development-` or `access-production-` + a UUID
// (https://plaid.com/docs/api/items/#token-exchange-flow).
export const plaidAccessToken: Detector = {
  id: 'plaid-access-token',
  provider: 'other',
  keyKind: 'Plaid access token',
  severity: 'high',
  risk: 'A Plaid access token, with the app’s secret, reads one linked bank account’s balances, transactions and owner.',
  remediation: plaid.remediation,
  keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 60 },
  redactPrefix: (s) => s.slice(0, s.indexOf('-', 7) + 1),
  examples: {
    positive: (rng) => [`access-sandbox-${uuid(rng)}`, `access-production-${uuid(rng)}`],
    negative: [
      'access-sandbox-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'access-sandbox-00000000-0000-0000-0000-000000000000',
    ],
  },
};
