import { createHmac } from 'node:crypto';
import type { FingerprintKey } from '../../src/scan/fingerprint-key.js';

/**
 * The first 16 hex characters of HMAC-SHA-256 of the key value: equal keys give equal fingerprints
 * within one repository (what `compare` needs), and the digest cannot be turned back into the key
 * nor matched against another repository's fingerprints. Keyed with `fingerprint-key` (and the
 * repository id inside, so one secret shared by many repositories still keeps them apart), no guess
 * can be tested without that secret. Without it, keyed with the repository id — public, so anyone
 * can test a guess: safe for a high-entropy key only.
 */
export function fingerprintKey(value: string, repositoryId: string, key?: FingerprintKey): string {
  const hmac = key
    ? createHmac('sha256', key.hmacKey).update(`verify\0${repositoryId}\0`)
    : createHmac('sha256', repositoryId);
  return hmac.update(value).digest('hex').slice(0, 16);
}
