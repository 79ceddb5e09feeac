import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { zoom } from '../providers/zoom.js';

// A Server-to-Server OAuth or general app's client secret: 32 base62 characters, no prefix
// (https://developers.zoom.us/docs/internal-apps/s2s-oauth/). `zoom` alone is an everyday word in UI
// code, so the keywords are the secret's names.
export const zoomClientSecret: Detector = {
  id: 'zoom-client-secret',
  provider: 'other',
  keyKind: 'Zoom client secret',
  severity: 'high',
  confidence: 'low',
  risk: 'A client secret, with its client id and account id, gets access tokens for the Zoom app’s scopes: meetings, recordings and users of the account.',
  remediation: zoom.remediation,
  // Without the `z`: no keyword starts with `z` (a new first letter slows the prefilter's pass over
  // every file, see src/scan/prefilter.ts); the window reaches back to it.
  keywords: [
    'oom_client_secret',
    'oomclientsecret',
    'oom-client-secret',
    'oom_api_secret',
    'oomapisecret',
    'oom-api-secret',
  ],
  pattern: namedValue('zoom[_-]?(?:client|api)[_-]?secret', '[A-Za-z0-9]{32}'),
  window: namedWindow(32),
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 15)}Vd2${rng.string(ALNUM, 14)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'your_zoom_client_secret'],
    assignedTo: 'ZOOM_CLIENT_SECRET',
  },
};
