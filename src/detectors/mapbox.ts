import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { mapbox } from '../providers/mapbox.js';

const b64url = (json: string): string => Buffer.from(json).toString('base64url');

// Secret tokens: `sk.` + base64url JSON naming the user (`eyJ…`) + `.` + 22 characters. Public `pk.`
// tokens have the same shape and are meant to ship in front-end code, so they are not reported
// (https://docs.mapbox.com/accounts/guides/tokens/#token-types).
export const mapboxSecretToken: Detector = {
  id: 'mapbox-secret-token',
  provider: 'other',
  keyKind: 'Mapbox secret access token',
  severity: 'high',
  risk: 'A Mapbox secret token uses the account’s scopes beyond public ones: uploading and deleting tilesets and styles, listing and creating tokens.',
  remediation: mapbox.remediation,
  keywords: ['sk.eyj'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,30})(?![A-Za-z0-9_.-])/g,
  window: { before: 2, after: 340 },
  validate: (s) => isMixedAlnum(s.slice(s.lastIndexOf('.') + 1)),
  redactPrefix: () => 'sk.',
  examples: {
    positive: (rng) => [
      `sk.${b64url(`{"u":"acme-maps","a":"${rng.string(URLSAFE, 24)}"}`)}.${rng.string(URLSAFE, 10)}Mb5${rng.string(URLSAFE, 9)}`,
    ],
    negative: [
      `pk.${b64url('{"u":"acme-maps","a":"ck0000000000000000000000"}')}.Ab3dEf7hIj2lMn5pQr8tUv`,
      'sk.eyJ1IjoiZXhhbXBsZSIsImEiOiJ4eHgifQ.XXXXXXXXXXXXXXXXXXXXXX',
    ],
  },
};
