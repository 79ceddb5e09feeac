import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { auth0 } from '../providers/auth0.js';

// Client secrets are 64 URL-safe characters with no prefix (https://auth0.com/docs/get-started/applications/application-settings):
// only an Auth0 name says whose. (Management API tokens are JWTs, which the JWT rule reports.)
export const auth0ClientSecret: Detector = {
  id: 'auth0-client-secret',
  provider: 'other',
  keyKind: 'Auth0 client secret',
  severity: 'high',
  confidence: 'low',
  risk: 'A client secret gets tokens as the application; for a Management API client it manages the tenant’s users, applications and connections.',
  remediation: auth0.remediation,
  keywords: ['auth0'],
  pattern: namedValue('auth0[A-Za-z0-9_.-]{0,24}?secret', '[A-Za-z0-9_-]{64}'),
  window: namedWindow(64),
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(URLSAFE, 30)}Au0${rng.string(URLSAFE, 31)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'YOUR_AUTH0_CLIENT_SECRET'],
    assignedTo: 'AUTH0_CLIENT_SECRET',
  },
};
