import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FingerprintKey } from '../../scan/fingerprint-key.js';
import type { IncidentProviderKey } from '../incident-marker.js';

// Without the App's key (only tests run the App without a private key) the seal is an HMAC under this
// published label: it still catches an edit by hand, not a forger who reads this source.
const UNKEYED = 'key-hygiene/incident-provider-key/v1';

/**
 * The seal an incident's provider key carries: HMAC, under the App's key, of the incident's
 * fingerprint, the provider and the key id. Anyone with write access to the repository can edit
 * the body; without the seal they could point `/revoke` at any key of the organisation.
 */
export function sealProviderKey(
  fingerprint: string,
  key: Pick<IncidentProviderKey, 'provider' | 'id'>,
  appKey: FingerprintKey | undefined,
): string {
  return createHmac('sha256', appKey?.hmacKey ?? UNKEYED)
    .update(`${fingerprint}\0${key.provider}\0${key.id}`)
    .digest('hex');
}

/** Whether the marker's provider key is the one the App recorded for this incident. */
export function providerKeySealed(
  fingerprint: string,
  key: IncidentProviderKey,
  appKey: FingerprintKey | undefined,
): boolean {
  const expected = Buffer.from(sealProviderKey(fingerprint, key, appKey));
  const given = Buffer.from(key.seal);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
