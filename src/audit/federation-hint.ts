import { findProvider } from '../providers/canonical-provider.js';
import type { AuditResult } from './run-audit.js';
import { ADMIN_APIS } from './admin-clients.js';

/**
 * When the audit knows which keys GitHub environments hold (`held-keys`), and the provider accepts
 * GitHub Actions OIDC tokens, those keys are the ones workload identity federation replaces: the job
 * trades its identity token for a short-lived access token and no key is stored at all.
 */
export function federationHint(result: AuditResult): string | undefined {
  if (result.notHeld === undefined) return undefined;
  const guide = findProvider(result.provider)?.federation?.url;
  if (!guide) return undefined;
  const notHeld = new Set(result.notHeld.map((k) => k.id));
  const held = result.keys.filter((k) => k.kind === 'project' && k.status === 'active' && !notHeld.has(k.id)).length;
  if (held === 0) return undefined;
  const name = ADMIN_APIS[result.provider].name;
  return `${held === 1 ? 'The 1 key' : `The ${held} keys`} GitHub environments hold could be replaced by workload identity federation: ${name} accepts GitHub Actions OIDC tokens in exchange for short-lived access tokens, so no key need be stored (${guide}).`;
}
