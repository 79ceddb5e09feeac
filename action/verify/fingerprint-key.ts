import { createHmac } from 'node:crypto';

/**
 * The first 16 hex characters of HMAC-SHA-256(value) keyed with the repository id: equal keys give
 * equal fingerprints within one repository (what `compare` needs), and the digest cannot be turned
 * back into the key nor matched against another repository's fingerprints.
 */
export function fingerprintKey(value: string, repositoryId: string): string {
  return createHmac('sha256', repositoryId).update(value).digest('hex').slice(0, 16);
}
