import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { box } from '../providers/box.js';

// Client secrets and developer tokens are 32 base62 characters (https://developer.box.com/guides/authentication/):
// `box` is an everyday word, so the keywords are the credential's names.
export const boxSecret: Detector = {
  id: 'box-secret',
  provider: 'other',
  keyKind: 'Box client secret or developer token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Box client secret gets tokens for the app’s enterprise access; a developer token reads and changes the developer’s files for an hour.',
  remediation: box.remediation,
  keywords: [
    'box_client_secret',
    'boxclientsecret',
    'box-client-secret',
    'box_developer_token',
    'boxdevelopertoken',
    'box_access_token',
    'boxaccesstoken',
  ],
  pattern: namedValue('box[_-]?(?:client[_-]?secret|developer[_-]?token|access[_-]?token)', '[A-Za-z0-9]{32}'),
  window: namedWindow(32),
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 15)}Bx4${rng.string(ALNUM, 14)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'box_client_secret_from_the_console'],
    assignedTo: 'BOX_CLIENT_SECRET',
  },
};
