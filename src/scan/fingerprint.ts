import { createHmac } from 'node:crypto';

// Fingerprints are HMAC digests, never plain values (README, "What a fingerprint protects"). They hold no
// path, line or commit, so a baseline survives rebase, squash and rename. This key is published
// here, so the unkeyed fingerprint hides a high-entropy key but not a low-entropy password: anyone
// can hash a word list and compare. Fronts key it with a secret when they have one
// (src/scan/fingerprint-key.ts).
const FINGERPRINT_KEY = 'key-hygiene/fingerprint/v1';

/** Stable identity of one secret as found by one detector; unkeyed until a front keys it (keyFingerprint). */
export function fingerprintSecret(detector: string, secret: string): string {
  return createHmac('sha256', FINGERPRINT_KEY).update(detector).update('\0').update(secret).digest('hex');
}
