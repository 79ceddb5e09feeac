import type { Detector } from './detector.js';
import { BASE64 } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { intercom } from '../providers/intercom.js';

// Access tokens are 60 base64 characters ending `=` (https://developers.intercom.com/docs/build-an-integration/learn-more/authentication):
// only an Intercom name says whose.
export const intercomAccessToken: Detector = {
  id: 'intercom-access-token',
  provider: 'other',
  keyKind: 'Intercom access token',
  severity: 'high',
  confidence: 'low',
  risk: 'An Intercom token reads the workspace’s conversations and contacts (personal data) and writes messages as the app.',
  remediation: intercom.remediation,
  // `ntercom`, not `intercom`: no keyword starts with `i`, a letter so common that a new first letter
  // slows the prefilter's one pass over every file (see src/scan/prefilter.ts); the window reaches back to it.
  keywords: ['ntercom'],
  pattern: namedValue('intercom[A-Za-z0-9_.-]{0,24}?(?:token|key|secret)', '[A-Za-z0-9+/_-]{59}='),
  window: namedWindow(60),
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`dG9rO${rng.string(BASE64, 25)}Ic4${rng.string(BASE64, 26)}=`],
    negative: [`${'X'.repeat(59)}=`, 'YOUR_INTERCOM_ACCESS_TOKEN'],
    assignedTo: 'INTERCOM_ACCESS_TOKEN',
  },
};
