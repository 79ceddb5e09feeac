import { isAdminProvider } from '../../src/audit/admin-clients.js';
import type { AdminProviderId } from '../../src/audit/provider-admin.js';
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
  const asked = findings.filter((f) => isAdminProvider(f.provider) && admins.providers.has(f.provider));
  // Each value hashed once per detector asked about, not once per finding: a bulk import stays linear.
  const valueOf = new Map<string, string>();
  for (const detector of new Set(asked.map((f) => f.detector)))
    for (const value of values) valueOf.set(fingerprintSecret(detector, value), value);
  const lookups = new Map<string, ProviderLookup>();
  for (const finding of asked) {
    const value = valueOf.get(finding.fingerprint);
    if (value === undefined || lookups.has(finding.fingerprint)) continue;
    lookups.set(finding.fingerprint, await lookUpValue(value, finding.provider as AdminProviderId, admins));
  }
  return lookups;
}

/** One leaked value looked up in its provider's inventory; a failing admin API is a result, in one line. */
export async function lookUpValue(
  value: string,
  provider: AdminProviderId,
  admins: ProviderAdmins,
): Promise<ProviderLookup> {
  try {
    const match = matchLeakedKey(value, await admins.listKeys(provider));
    if (match.kind === 'one') return { kind: 'found', key: match.key };
    return match.kind === 'ambiguous'
      ? { kind: 'ambiguous', provider, count: match.count }
      : { kind: 'none', provider };
  } catch (error) {
    return { kind: 'failed', provider, why: (error as Error).message };
  }
}
