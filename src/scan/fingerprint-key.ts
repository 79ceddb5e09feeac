import { createHmac, hkdfSync } from 'node:crypto';
import type { Finding } from '../types.js';

/**
 * A secret that keys fingerprints, so that nobody without it can test a guess against one. Without
 * it a fingerprint is an HMAC under a constant published in this source (src/scan/fingerprint.ts):
 * it hides a high-entropy key, but a low-entropy password is found by hashing a word list.
 */
export interface FingerprintKey {
  /** 32 bytes derived (HKDF-SHA256) from the secret the user or the App holds. */
  readonly hmacKey: Buffer;
  /**
   * 16 hex characters: HMAC of a fixed label under the key. A baseline records it, so one made
   * under another key is named as such instead of every finding looking new. It says nothing of
   * the key beyond what a fingerprint already does.
   */
  readonly check: string;
}

export class FingerprintKeyError extends Error {
  override name = 'FingerprintKeyError';
}

/** The least a user-provided key may hold: a word or a short PIN would be found like the passwords it hides. */
export const MIN_KEY_LENGTH = 16;

const CHECK_LABEL = 'key-hygiene fingerprint key check v1';

/**
 * Derives a fingerprint key from secret material. `purpose` separates uses of one secret (a
 * user's scan key, the App's incident markers) so one never matches the other's fingerprints.
 * https://nodejs.org/api/crypto.html#cryptohkdfsyncdigest-ikm-salt-info-keylen
 */
export function deriveFingerprintKey(material: string | Buffer, purpose: string): FingerprintKey {
  const hmacKey = Buffer.from(
    hkdfSync('sha256', material, Buffer.alloc(0), `key-hygiene fingerprints v1: ${purpose}`, 32),
  );
  return { hmacKey, check: createHmac('sha256', hmacKey).update(CHECK_LABEL).digest('hex').slice(0, 16) };
}

/**
 * The scan key a user provides (`KEY_HYGIENE_FINGERPRINT_KEY`, the Action's `fingerprint-key`):
 * undefined when there is none (fingerprints stay unkeyed, as before). `source` names where it came
 * from in the one-line error; the value itself is never quoted.
 */
export function readFingerprintKey(value: string | undefined, source: string): FingerprintKey | undefined {
  const material = value?.trim();
  if (!material) return undefined;
  if (material.length < MIN_KEY_LENGTH) {
    throw new FingerprintKeyError(
      `${source} holds ${material.length} characters: use at least ${MIN_KEY_LENGTH} random ones (e.g. \`openssl rand -hex 32\`), or none`,
    );
  }
  return deriveFingerprintKey(material, 'scan');
}

/**
 * A finding's fingerprint under the key: HMAC(key, unkeyed fingerprint). The unkeyed one is a
 * deterministic digest of detector and secret, so equal keys still give equal fingerprints, and
 * without the key no guess can be checked. No key: the fingerprint as it is.
 */
export function keyFingerprint(fingerprint: string, key: FingerprintKey | undefined): string {
  return key ? createHmac('sha256', key.hmacKey).update(fingerprint).digest('hex') : fingerprint;
}

/** The findings with their fingerprints keyed: what a front does before it reports or writes a baseline. */
export function keyFindings(findings: readonly Finding[], key: FingerprintKey | undefined): Finding[] {
  return key ? findings.map((f) => ({ ...f, fingerprint: keyFingerprint(f.fingerprint, key) })) : [...findings];
}
