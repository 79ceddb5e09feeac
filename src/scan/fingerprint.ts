import { createHmac } from 'node:crypto';

// Fingerprints are HMAC digests, never plain values (ARCHITECTURE.md, security rules). They hold no
// path, line or commit, so a baseline survives rebase, squash and rename.
const FINGERPRINT_KEY = 'key-hygiene/fingerprint/v1';

/** Stable, non-reversible identity of one secret as found by one detector. */
export function fingerprintSecret(detector: string, secret: string): string {
  return createHmac('sha256', FINGERPRINT_KEY).update(detector).update('\0').update(secret).digest('hex');
}
