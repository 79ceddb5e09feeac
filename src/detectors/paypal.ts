import type { Detector } from './detector.js';
import { HEX, LOWER, DIGITS, URLSAFE } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { paypal } from '../providers/paypal.js';

const remediation = paypal.remediation;

// Braintree (PayPal) access tokens: `access_token$<environment>$<merchant id>$<32 hex>`
// (https://developer.paypal.com/braintree/docs/guides/authorization/access-token).
export const paypalBraintreeAccessToken: Detector = {
  id: 'paypal-braintree-access-token',
  provider: 'other',
  keyKind: 'Braintree (PayPal) access token',
  severity: 'critical',
  risk: 'A Braintree access token takes payments, issues refunds and reads the transactions of the merchant account.',
  remediation,
  keywords: ['access_token$'],
  pattern:
    /(?<![A-Za-z0-9_$])(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9_$])/g,
  window: { before: 2, after: 80 },
  validate: (s) => hasLetterAndDigit(s.slice(-32)),
  redactPrefix: (s) => s.slice(0, s.indexOf('$', 13) + 1),
  examples: {
    positive: (rng) => [
      `access_token$production$${rng.string(LOWER + DIGITS, 16)}$${rng.string(HEX, 15)}b8${rng.string(HEX, 15)}`,
      `access_token$sandbox$${rng.string(LOWER + DIGITS, 16)}$${rng.string(HEX, 15)}0e${rng.string(HEX, 15)}`,
    ],
    negative: ['access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'access_token$sandbox$'],
  },
};

// REST app client secrets are 80 URL-safe characters beside the client id
// (https://developer.paypal.com/api/rest/#link-getclientidandclientsecret): only a PayPal name says whose.
export const paypalClientSecret: Detector = {
  id: 'paypal-client-secret',
  provider: 'other',
  keyKind: 'PayPal REST client secret',
  severity: 'critical',
  confidence: 'low',
  risk: 'A PayPal client secret, with its client id, gets tokens that take payments, issue refunds and pay out from the account.',
  remediation,
  keywords: ['paypal'],
  pattern: namedValue('paypal[A-Za-z0-9_.-]{0,24}?secret', '[A-Za-z0-9_-]{80}'),
  window: namedWindow(80),
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`E${rng.string(URLSAFE, 40)}Pp2${rng.string(URLSAFE, 36)}`],
    negative: ['X'.repeat(80), 'YOUR_PAYPAL_CLIENT_SECRET'],
    assignedTo: 'PAYPAL_CLIENT_SECRET',
  },
};
