import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';

/** The header of a JWT is base64url JSON naming its algorithm or type. */
function hasJwtHeader(token: string): boolean {
  const header = Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1');
  return header.startsWith('{') && /"(?:alg|typ|kid|enc|x5t)"/.test(header);
}

const b64url = (json: string): string => Buffer.from(json).toString('base64url');

export const jwtToken: Detector = {
  id: 'generic-jwt',
  provider: 'generic',
  keyKind: 'JSON Web Token',
  severity: 'medium',
  risk: 'A JWT is a bearer credential: until it expires, whoever holds it acts as its subject on every service that trusts its issuer.',
  remediation:
    'Revoke the session or token at its issuer (or rotate the signing key if it does not expire) — deleting the commit does not ' +
    'make it safe: history, forks and caches keep it. Fetch tokens at run time from an environment secret instead of committing them.',
  keywords: ['eyj'],
  // header.payload.signature (signature empty for alg "none"); texts cut short still hold header and payload.
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{4,8000}(?:\.[A-Za-z0-9_-]{0,2000})?)/g,
  redactPrefix: () => 'eyJ',
  validate: hasJwtHeader,
  examples: {
    positive: (rng) => [
      `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${rng.string(URLSAFE, 12)}","iat":${rng.int(1.6e9, 1.8e9)}}`)}.${rng.string(URLSAFE, 43)}`,
    ],
    negative: ['eyJ...', `${b64url('{"hello":"world"}')}.${b64url('{"a":1}')}.abc`],
  },
};
