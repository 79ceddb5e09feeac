import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { stripe } from '../providers/stripe.js';

const remediation = stripe.remediation;

function stripeKey(
  modes: string,
  id: string,
  keyKind: string,
  severity: Detector['severity'],
  risk: string,
  mode: string,
): Detector {
  return {
    id,
    provider: 'stripe',
    keyKind,
    severity,
    risk,
    remediation,
    keywords: modes.split('|').flatMap((m) => [`sk_${m}_`, `rk_${m}_`]),
    pattern: new RegExp(`(?<![A-Za-z0-9_])(?<secret>[sr]k_(?:${modes})_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])`, 'g'),
    redactPrefix: (s) => s.slice(0, s.indexOf('_', 3) + 1),
    examples: {
      positive: (rng) => [
        `sk_${mode}_51${rng.string(ALNUM, 97)}`,
        `rk_${mode}_51${rng.string(ALNUM, 97)}`,
        `sk_${mode}_${rng.string(ALNUM, 24)}`,
      ],
      negative: [
        `sk_${mode}_AAAAAAAAAAAAAAAAAAAAAAAA`,
        `sk_${mode}_short`,
        `pk_${mode}_51${'Ab3'.repeat(20)}`,
        `xsk_${mode}_AAAAAAAAAAAAAAAAAAAAAAAA`,
        `STRIPE_SECRET_KEY=sk_${mode}_...`,
      ],
    },
  };
}

export const stripeLiveKey = stripeKey(
  'live|prod',
  'stripe-live-key',
  'Stripe live secret or restricted key',
  'high',
  'A live key moves real money: it can create charges and refunds and read every customer and payment.',
  'live',
);

export const stripeTestKey = stripeKey(
  'test',
  'stripe-test-key',
  'Stripe test-mode key',
  'low',
  'A test-mode key cannot move money but exposes the account’s test data and shows live keys may sit beside it.',
  'test',
);

export const stripeWebhookSecret: Detector = {
  id: 'stripe-webhook-secret',
  provider: 'stripe',
  keyKind: 'Stripe webhook signing secret',
  severity: 'medium',
  risk: 'A webhook signing secret lets anyone forge Stripe events (paid invoices, subscriptions) that the endpoint will trust.',
  remediation:
    'Roll the signing secret on the endpoint at https://dashboard.stripe.com/webhooks (deleting the commit does not make it ' +
    'safe), update the environment secret, and check recent deliveries for events Stripe did not send.',
  keywords: ['whsec_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/]{32,64}={0,2})(?![A-Za-z0-9_+/])/g,
  redactPrefix: () => 'whsec_',
  examples: {
    positive: (rng) => [`whsec_${rng.string(ALNUM, 32)}`],
    negative: ['whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'whsec_...'],
  },
};
