import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';

/** An RSA key pair made at test time: the repository never holds a private key. */
export function generateAppKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    // PKCS#8: the form universal-github-app-jwt (used by Octokit and Probot) accepts as is.
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey };
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs an App JWT the way GitHub documents it; tests use it to forge good and bad tokens. */
export function signAppJwt(
  privateKey: string,
  claims: { iss: number | string; iat: number; exp: number },
  header: object = { alg: 'RS256', typ: 'JWT' },
): string {
  const unsigned = `${encode(header)}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

export type JwtCheck = { ok: true; iss: string } | { ok: false; message: string };

/**
 * GitHub's error messages for JWT time claims. @octokit/auth-app matches these texts and, on a
 * match, retries once with the offset read from the `Date` header — so they must be exact.
 * https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
 */
export const JWT_MESSAGES = {
  expired:
    "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
  tooLong: "'Expiration time' claim ('exp') is too far in the future",
  issuedInFuture: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
  invalid: 'A JSON web token could not be decoded',
} as const;

/** Allowed drift for `iat` in the future; GitHub recommends setting it 60 s in the past. */
const IAT_SKEW_SECONDS = 60;
const MAX_LIFETIME_SECONDS = 10 * 60;

/** Decodes a JWT and checks signature (RS256, against `publicKey`) and time claims at `now`. */
export function verifyAppJwt(token: string, publicKey: string, now: Date): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, message: JWT_MESSAGES.invalid };
  const [head, body, signature] = parts as [string, string, string];
  let header: { alg?: unknown };
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, message: JWT_MESSAGES.invalid };
  }
  if (header.alg !== 'RS256') return { ok: false, message: JWT_MESSAGES.invalid };
  const verifier = createVerify('RSA-SHA256').update(`${head}.${body}`);
  if (!verifier.verify(publicKey, Buffer.from(signature, 'base64url'))) {
    return { ok: false, message: JWT_MESSAGES.invalid };
  }
  const seconds = Math.floor(now.getTime() / 1000);
  const { iat, exp, iss } = claims;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > seconds + IAT_SKEW_SECONDS) {
    return { ok: false, message: JWT_MESSAGES.issuedInFuture };
  }
  if (typeof exp !== 'number' || exp <= seconds) return { ok: false, message: JWT_MESSAGES.expired };
  if (exp > seconds + MAX_LIFETIME_SECONDS || exp - iat > MAX_LIFETIME_SECONDS + IAT_SKEW_SECONDS) {
    return { ok: false, message: JWT_MESSAGES.tooLong };
  }
  if (typeof iss !== 'number' && typeof iss !== 'string') return { ok: false, message: JWT_MESSAGES.invalid };
  return { ok: true, iss: String(iss) };
}

/** Reads `iss` without verifying, to find which App's key to verify against. */
export function peekIssuer(token: string): string | null {
  const body = token.split('.')[1];
  if (!body) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof claims.iss === 'number' || typeof claims.iss === 'string' ? String(claims.iss) : null;
  } catch {
    return null;
  }
}
