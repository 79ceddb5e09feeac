import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { openshift } from '../providers/openshift.js';

// OAuth access tokens since OpenShift 4.6: `sha256~` + 43 URL-safe base64 characters.
export const openshiftUserToken: Detector = {
  id: 'openshift-user-token',
  provider: 'other',
  keyKind: 'OpenShift OAuth access token',
  severity: 'high',
  risk: 'An OpenShift token acts as its user on the cluster API, with every namespace and secret that user can reach.',
  remediation: openshift.remediation,
  keywords: ['sha256~'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sha256~[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 56 },
  validate: (s) => isMixedAlnum(s.slice(7)),
  redactPrefix: () => 'sha256~',
  examples: {
    positive: (rng) => [`sha256~${rng.string(URLSAFE, 20)}Tb5${rng.string(URLSAFE, 20)}`],
    negative: [
      'sha256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX',
      'sha256~_xxxxxx_xxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxx-X',
    ],
  },
};
