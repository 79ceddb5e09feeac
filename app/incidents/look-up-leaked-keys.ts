import { isAdminProvider } from '../../src/audit/admin-clients.js';
import { fingerprintSecret } from '../../src/scan/fingerprint.js';
import { matchLeakedKey } from '../../src/tracking/incidents/match-leaked-key.js';
import type { ProviderLookup } from '../../src/tracking/incidents/render-provider-key.js';
import type { Finding } from '../../src/types.js';
import type { ProviderAdmins } from './provider-admins.js';

/**
 * Each leaked key of a provider the server has an admin key for, looked up in that provider's
 * inventory by its redacted form ({@link matchLeakedKey}), by the finding's (unkeyed) fingerprint.
 * `values` are the raw keys the scan reported (`runScan`'s `onSecret`): a finding's own is the one
 * whose fingerprint is its fingerprint. They are compared here and never kept, logged or written.
 */
export async function lookUpLeakedKeys(
  findings: readonly Finding[],
  values: ReadonlySet<string>,
  admins: ProviderAdmins,
): Promise<Map<string, ProviderLookup>> {
  const lookups = new Map<string, ProviderLookup>();
  for (const finding of findings) {
    const provider = finding.provider;
    if (!isAdminProvider(provider) || !admins.providers.has(provider) || lookups.has(finding.fingerprint)) continue;
    const value = [...values].find((v) => fingerprintSecret(finding.detector, v) === finding.fingerprint);
    if (value === undefined) continue;
    try {
      const match = matchLeakedKey(value, await admins.listKeys(provider));
      lookups.set(
        finding.fingerprint,
        match.kind === 'one'
          ? { kind: 'found', key: match.key }
          : match.kind === 'ambiguous'
            ? { kind: 'ambiguous', provider, count: match.count }
            : { kind: 'none', provider },
      );
    } catch (error) {
      lookups.set(finding.fingerprint, { kind: 'failed', provider, why: (error as Error).message });
    }
  }
  return lookups;
}
