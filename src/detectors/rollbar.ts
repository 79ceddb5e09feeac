import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { rollbar } from '../providers/rollbar.js';

// Project and account access tokens are 32 hex with no prefix (https://docs.rollbar.com/docs/access-tokens):
// only a Rollbar name tells them from an MD5. `post_client_item` tokens are meant for browsers and
// apps, so client token names are left out.
export const rollbarAccessToken: Detector = namedKey({
  id: 'rollbar-access-token',
  provider: 'rollbar',
  keyKind: 'Rollbar access token',
  severity: 'medium',
  risk: 'A server-side Rollbar token posts items to the project, and a read or write token reads its errors (with their request data) or changes its settings.',
  remediation: rollbar.remediation,
  names: [
    ['rollbar', 'access', 'token'],
    ['rollbar', 'token'],
    ['rollbar', 'server', 'token'],
    ['rollbar', 'post', 'server', 'item'],
    ['rollbar', 'read', 'token'],
    ['rollbar', 'write', 'token'],
    ['rollbar', 'api', 'key'],
  ],
  keywords: ['rollbar'],
  value: '[a-f0-9]{32}',
  maxValue: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}b7${rng.string(HEX, 15)}`],
    negative: ['your-rollbar-token', '${ROLLBAR_ACCESS_TOKEN}', '00000000000000000000000000000000'],
  },
});
