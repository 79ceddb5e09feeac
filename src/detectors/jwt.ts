import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isPlaceholder } from './placeholder.js';

/** The header of a JWT is base64url JSON naming its algorithm or type. */
function hasJwtHeader(token: string): boolean {
  const header = Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1');
  return header.startsWith('{') && /"(?:alg|typ|kid|enc|x5t)"/.test(header);
}

// Claims that say whom a token is for. Docs fill them with demo values ("sub": "1234567890", an
// example.com address); a token issued for a real subject carries an id or a name the issuer made.
const IDENTITY_CLAIM = /"(?:sub|email|preferred_username|upn|iss)"[ \t]{0,3}:[ \t]{0,3}"?([^",}\]]{8,200})/g;

// Documentation: prose files and what sits under a docs folder (rendered pages, their JSON samples).
const DOCS_PATH = /(?:^|\/)(?:docs?|documentation)\/|\.(?:md|mdx|markdown|rst|adoc|asciidoc)$/i;

/**
 * A doc sample, not a credential: its payload's identity claims hold a value the shared placeholder
 * rules call a placeholder (a sequential run, a filler word such as "example"). Short values are not
 * judged (an id "42" is a real subject); a payload that holds no such claim is reported. Only judged
 * in documentation: in code and config such a token is a test fixture worth a look, and is reported.
 */
function hasDemoClaims(token: string): boolean {
  const start = token.indexOf('.') + 1;
  const end = token.indexOf('.', start);
  const payload = Buffer.from(token.slice(start, end < 0 ? undefined : end), 'base64url').toString('latin1');
  for (const m of payload.matchAll(IDENTITY_CLAIM)) if (isPlaceholder(m[1]!)) return true;
  return false;
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
  validate: (token, { path }) => hasJwtHeader(token) && !(DOCS_PATH.test(path) && hasDemoClaims(token)),
  examples: {
    positive: (rng) => [
      `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${rng.string(URLSAFE, 12)}","iat":${rng.int(1.6e9, 1.8e9)}}`)}.${rng.string(URLSAFE, 43)}`,
    ],
    negative: ['eyJ...', `${b64url('{"hello":"world"}')}.${b64url('{"a":1}')}.abc`],
  },
};
