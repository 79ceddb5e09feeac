import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { turso } from '../providers/turso.js';

const b64url = (json: string): string => Buffer.from(json).toString('base64url');

/** The header of a JWT is base64url JSON naming its algorithm. */
const hasJwtHeader = (token: string): boolean =>
  /^\{.{0,80}"alg"/.test(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1'));

// Database and platform tokens are JWTs (EdDSA), kept under `TURSO_AUTH_TOKEN`, `TURSO_API_TOKEN` or
// `LIBSQL_AUTH_TOKEN` (https://docs.turso.tech/sdk/authentication). The generic JWT rule finds them
// too; beside a Turso name this one says whose they are.
export const tursoToken: Detector = {
  id: 'turso-token',
  provider: 'other',
  keyKind: 'Turso database or platform token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Turso database token reads and writes the database until it expires; a platform token manages every database of the organization.',
  remediation: turso.remediation,
  keywords: ['turso', 'libsql'],
  pattern: namedValuePattern(
    ['turso', 'libsql'],
    String.raw`eyJ[A-Za-z0-9_-]{10,400}\.eyJ[A-Za-z0-9_-]{10,1200}\.[A-Za-z0-9_-]{20,400}`,
  ),
  window: namedValueWindow(2000),
  validate: (s, { match }) => namesVendorSecret(match) && hasJwtHeader(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${b64url('{"alg":"EdDSA","typ":"JWT"}')}.${b64url(
        `{"a":"rw","iat":1700000000,"id":"${rng.string(URLSAFE, 20)}"}`,
      )}.${rng.string(URLSAFE, 40)}Kc3${rng.string(URLSAFE, 40)}`,
    ],
    negative: ['your-turso-auth-token', 'eyJhbGciOi...'],
    assignedTo: 'TURSO_AUTH_TOKEN',
  },
};
