import { ADMIN_APIS } from '../../src/audit/admin-clients.js';
import { ADMIN_CLIENTS } from '../../src/audit/admin-client-factories.js';
import { auditPolicyFor } from '../../src/audit/audit-policy.js';
import { hideAdminKey } from '../../src/audit/hide-admin-key.js';
import { AdminApiError } from '../../src/audit/provider-admin.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { oneLineError } from '../../src/one-line-error.js';
import type { Config } from '../../src/policy/config-schema.js';
import type { ProviderAuditRead } from '../../src/tracking/provider-issues/provider-plan-input.js';
import type { ProviderAdminSource } from '../provider-audit-settings.js';

/** A provider the sweep could not read: the variable its admin key came from, and the HTTP status when there was one. */
export interface ProviderUnread {
  provider: ProviderAdminSource['provider'];
  variable: string;
  status?: number;
}

/**
 * One provider's audit for the org sweep: its client for the admin key and base URL, `runAudit`
 * judged by the organisation's `providers:` policy at `now`. A refusal or failure of the admin API
 * (401, 403, 429 past its wait, 5xx, no answer) is one log line naming the variable and the status —
 * never the key, nor the provider's answer, which may echo it — and the sweep goes on without it.
 */
export async function auditProvider(
  source: ProviderAdminSource,
  policy: Config,
  now: Date,
  log: (message: string) => void,
  fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init),
): Promise<ProviderAuditRead | ProviderUnread> {
  const api = ADMIN_APIS[source.provider];
  const hide = (text: string) => hideAdminKey(text, source.adminKey());
  try {
    const admin = ADMIN_CLIENTS[source.provider]({
      adminKey: source.adminKey(),
      baseUrl: source.baseUrl,
      fetch,
      keyVariable: source.variable,
    });
    const result = await runAudit({ admin, policy: auditPolicyFor(policy, source.provider), now });
    if (result.usageError !== undefined)
      log(
        `provider audit: ${api.name} usage not read (${source.variable}), so no usage spike was judged and its spike and unused issues stay as they are: ${hide(result.usageError)}`,
      );
    // Names come from the provider organisation, where anyone may call a key after the admin key.
    const findings = result.findings.map((f) => ({
      ...f,
      keyName: hide(f.keyName),
      detail: hide(f.detail),
      ...(f.projectName !== null && { projectName: hide(f.projectName) }),
      ...(f.owner !== null && { owner: hide(f.owner) }),
    }));
    return {
      provider: source.provider,
      keys: result.keys,
      findings,
      ...(result.usageError !== undefined && { usageUnread: true }),
    };
  } catch (error) {
    const status = error instanceof AdminApiError ? error.status : undefined;
    const why = status !== undefined ? `answered HTTP ${status}` : `failed: ${hide(oneLineError(error))}`;
    log(
      `provider audit: ${api.name}'s admin API ${why} for ${source.variable}; its provider issues stay as they are until a sweep can read it`,
    );
    return { provider: source.provider, variable: source.variable, ...(status !== undefined && { status }) };
  }
}
