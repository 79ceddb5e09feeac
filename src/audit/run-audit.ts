import { oneLineError } from '../one-line-error.js';
import { evaluateAudit, sortKeys } from './evaluate-audit.js';
import { USAGE_LOOKBACK_MS } from './judge-usage-spike.js';
import type {
  AdminProviderId,
  AuditFinding,
  AuditPolicy,
  KeyUsage,
  ProviderAdmin,
  ProviderKey,
} from './provider-admin.js';

export interface AuditRequest {
  admin: ProviderAdmin;
  policy: AuditPolicy;
  now: Date;
  /** Ids of the provider keys the environments hold (from `mode: verify`); given, the others are listed. */
  heldKeyIds?: ReadonlySet<string>;
}

export interface AuditResult {
  provider: AdminProviderId;
  /** Every key the provider lists, in report order. */
  keys: ProviderKey[];
  findings: AuditFinding[];
  /**
   * Why the usage could not be read (one line): the findings then come from the inventory alone, and
   * no usage spike could be judged.
   */
  usageError?: string;
  /** With `heldKeyIds`: the active project keys no environment holds — candidates to delete. */
  notHeld?: ProviderKey[];
}

/**
 * The provider audit: the provider's own inventory of keys and their use over the trailing week and
 * a day, judged by the policy at `now`. Listing the keys failing fails the audit (an AdminApiError
 * naming the variable and the status); the usage failing leaves the inventory's findings standing.
 */
export async function runAudit({ admin, policy, now, heldKeyIds }: AuditRequest): Promise<AuditResult> {
  const keys = sortKeys(await admin.listKeys());
  const from = new Date(now.getTime() - USAGE_LOOKBACK_MS).toISOString();
  let usage: KeyUsage | undefined;
  let usageError: string | undefined;
  try {
    usage = await admin.usage(from, now.toISOString());
  } catch (error) {
    usageError = oneLineError(error);
  }
  const findings = evaluateAudit(keys, { policy, now, ...(usage && { usage }) });
  return {
    provider: admin.provider,
    keys,
    findings,
    ...(usageError !== undefined && { usageError }),
    ...(heldKeyIds && {
      notHeld: keys.filter((k) => k.status === 'active' && k.kind === 'project' && !heldKeyIds.has(k.id)),
    }),
  };
}
