import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { upstash } from '../providers/upstash.js';

// Redis REST tokens (`UPSTASH_REDIS_REST_TOKEN`), QStash tokens and signing keys (`QSTASH_TOKEN`,
// `QSTASH_CURRENT_SIGNING_KEY`) and Management API keys carry no stated shape: base64-like runs of 30
// or more, so only beside an Upstash or QStash name (https://upstash.com/docs/redis/features/restapi,
// https://upstash.com/docs/qstash/howto/signature).
export const upstashToken: Detector = {
  id: 'upstash-token',
  provider: 'other',
  keyKind: 'Upstash Redis REST token, QStash token or signing key',
  severity: 'high',
  confidence: 'low',
  risk: 'An Upstash token reads and writes every key of its Redis database, or publishes QStash messages and forges their signatures.',
  remediation: upstash.remediation,
  // `pstash`, not `upstash`: a `u` branch in the prefilter would cost every `u` of every file.
  keywords: ['pstash', 'qstash'],
  pattern: namedValuePattern(['upstash', 'qstash'], '[A-Za-z0-9_+/=-]{30,400}'),
  window: namedValueWindow(400),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`AX${rng.string(ALNUM, 30)}Tz5${rng.string(ALNUM, 50)}`],
    negative: ['********************************', 'your_upstash_redis_rest_token_here'],
    assignedTo: 'UPSTASH_REDIS_REST_TOKEN',
  },
};
