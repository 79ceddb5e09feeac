import { defineProvider } from './provider.js';

export const stripe = defineProvider({
  id: 'stripe',
  name: 'Stripe',
  aliases: [],
  remediation:
    'Roll the key at https://dashboard.stripe.com/apikeys now (deleting the commit does not make it safe: history, forks and ' +
    'caches keep it), prefer a restricted key with only the permissions needed, update the environment secret, and review ' +
    'the dashboard’s logs for requests you did not make.',
  rotation: {
    url: 'https://dashboard.stripe.com/apikeys',
    create:
      'Roll the key at https://dashboard.stripe.com/apikeys (or create a restricted key with only the permissions this service needs).',
    revoke: 'Let the old key expire now, or set its expiry to the end of the switch-over.',
  },
  // GET /v1/balance with the key as the Basic user (https://docs.stripe.com/api/authentication); 403 is a live
  // restricted key without that permission (https://docs.stripe.com/changelog/2016-10-19/insufficient-permissions-throw-403-error).
  liveCheck: {
    defaultUrl: 'https://api.stripe.com',
    path: '/v1/balance',
    auth: 'basic',
    detectors: ['stripe-live-key', 'stripe-test-key'],
    live: [200, 403],
  },
});
