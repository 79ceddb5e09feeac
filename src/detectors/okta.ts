import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { okta } from '../providers/okta.js';

// API (SSWS) tokens: `00` + 40 URL-safe characters (https://developer.okta.com/docs/guides/create-an-api-token/main/).
// `00` is no prefix a scanner can key on, so only an Okta name says whose.
export const oktaApiToken: Detector = {
  id: 'okta-api-token',
  provider: 'other',
  keyKind: 'Okta API token',
  severity: 'critical',
  confidence: 'low',
  risk: 'An Okta API token acts with its admin’s rights over the organisation: users, groups, applications and their sign-on policies.',
  remediation: okta.remediation,
  keywords: ['okta'],
  pattern: namedValue('okta[A-Za-z0-9_.-]{0,24}?(?:token|key|secret)', '00[A-Za-z0-9_-]{40}'),
  window: namedWindow(42),
  validate: (s) => isMixedAlnum(s.slice(2)),
  redactPrefix: () => '00',
  examples: {
    positive: (rng) => [`00${rng.string(URLSAFE, 19)}Ok7${rng.string(URLSAFE, 18)}`],
    negative: ['00XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', '{apiToken}'],
    assignedTo: 'OKTA_API_TOKEN',
  },
};
