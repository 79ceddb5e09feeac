import { createHash } from 'node:crypto';

/**
 * The incident fingerprint of a secret scanning alert: SHA-256 of `secret-scanning:<repo id>:<alert
 * number>`, 64 hex characters like a finding's. Key Hygiene never holds the secret of an alert (it
 * reads alerts with `hide_secret=true`), so the alert itself is the identity: the same alert
 * delivered again, reopened or validated always finds its incident. Repository ids survive
 * renames and transfers; alert numbers are per repository. Unkeyed on purpose: it digests two
 * public numbers, not a secret, so there is nothing a key would hide.
 */
export function alertFingerprint(repoId: number, alertNumber: number): string {
  return createHash('sha256').update(`secret-scanning:${repoId}:${alertNumber}`).digest('hex');
}
