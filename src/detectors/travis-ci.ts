import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { travisCi } from '../providers/travis-ci.js';

// API tokens: 22 base62 characters with no prefix, only beside a Travis name (`TRAVIS_TOKEN`,
// `TRAVIS_API_TOKEN`; https://docs.travis-ci.com/user/triggering-builds/).
export const travisCiApiToken: Detector = {
  id: 'travis-ci-api-token',
  provider: 'other',
  keyKind: 'Travis CI API token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Travis CI token triggers builds and reads the logs and settings of every repository its user can reach.',
  remediation: travisCi.remediation,
  keywords: ['travis'],
  pattern: namedValuePattern(['travis'], '[A-Za-z0-9]{22}'),
  window: namedValueWindow(22),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 10)}Fv6${rng.string(ALNUM, 9)}`],
    negative: ['xxxxxxxxxxxxxxxxxxxxxx', 'YourTravisApiTokenHere'],
    assignedTo: 'TRAVIS_API_TOKEN',
  },
};
