import { deriveFingerprintKey, type FingerprintKey } from '../../src/scan/fingerprint-key.js';
import { keyMaterialOf } from '../octokit/etag-sealer.js';

/**
 * The key the App's incident markers are made under, derived (HKDF-SHA256) from its private key as
 * the ETag cache's is (app/octokit/etag-sealer.ts), for another purpose: every process that acts as
 * the App has the PEM, and nobody who reads its issues does. Rotating the PEM changes the key:
 * a leaked key already in an incident then counts as new once.
 */
export function appFingerprintKey(privateKeyPem: string): FingerprintKey {
  return deriveFingerprintKey(keyMaterialOf(privateKeyPem), 'app incident markers');
}
