import type { Config } from '../../src/policy/config-schema.js';
import { planIncidentClose, type OpenIncident } from '../../src/tracking/incidents/plan-incident-close.js';
import { planProviderClose } from '../../src/tracking/incidents/plan-provider-close.js';
import { parseIncidentMarker } from '../../src/tracking/incident-marker.js';
import { ADMIN_APIS } from '../../src/audit/admin-clients.js';
import type { AdminProviderId, ProviderKey } from '../../src/audit/provider-admin.js';
import { providerAdmins, type ProviderAdmins } from './provider-admins.js';
import type { ProviderAdminSource } from '../provider-audit-settings.js';
import { LEAK_LABEL } from '../../src/tracking/incidents/plan-incidents.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { applyActions, contentCount, type Applied } from '../repo/apply-actions.js';
import type { FetchedInventory } from '../repo/fetch-repo-inventory.js';

export interface IncidentCloseSweep {
  octokit: AppOctokit;
  owner: string;
  repo: string;
  /** `slug[bot]`: only its own incidents count. */
  botLogin: string;
  dryRun: boolean;
  /** Issues and comments the sweep may still create: each close takes one, and is taken from it. */
  budget: { remaining: number };
  log: (message: string) => void;
  policy: Config;
  /** The secret metadata the sweep just read. */
  fetched: FetchedInventory;
  /** The bot's issues the sweep listed (`loadTrackedIssues`): incidents carry the tracking label too. */
  issues: readonly TrackedIssue[];
  /** The providers' admin APIs the server has a key for. */
  adminApis?: ProviderAdminSource[] | undefined;
}

/**
 * The sweep's part in leak incidents: the bot's open incidents (label `leak`), each
 * closed with a comment once every secret for its provider was rotated after the leak
 * ({@link planIncidentClose}). GitHub has no webhook for secret changes (none of its events fires on one), so the
 * sweep's read of `updated_at` is when the bot learns of a rotation. The incidents come from the
 * list of the bot's issues the sweep already read, not a list of their own: under each day's new
 * installation token every list is a counted 200 (README, "At scale").
 */
export async function closeRotatedIncidents(s: IncidentCloseSweep): Promise<Applied[]> {
  const { octokit, owner, repo, botLogin } = s;
  const open = s.issues
    .filter((i) => i.state === 'open' && i.labels.includes(LEAK_LABEL))
    .map((i) => ({ number: i.number, body: i.body, createdAt: i.createdAt }));
  if (open.length === 0) return [];
  // An incident whose key the provider's admin API lists closes when the provider no longer lists it
  // as active, never on a rotation: a new secret does not disable the leaked key.
  const admins = providerAdmins(s.adminApis);
  const atProvider = (i: OpenIncident) => {
    const provider = parseIncidentMarker(i.body)?.providerKey?.provider;
    return provider !== undefined && admins.providers.has(provider);
  };
  const revoked = await closeRevokedIncidents(s, admins, open.filter(atProvider));
  const incidents = open.filter((i) => !atProvider(i));
  const plan = planIncidentClose({
    incidents,
    secrets: s.fetched.inventory.secrets,
    skippedScopes: s.fetched.skippedScopes,
    policy: s.policy,
    maxContent: s.budget.remaining,
  });
  const applied = await applyActions(octokit, plan.actions, { owner, repo, botLogin, dryRun: s.dryRun, log: s.log });
  s.budget.remaining -= contentCount(applied.map((a) => a.action));
  if (applied.length > 0) s.log(`${owner}/${repo}: ${applied.length} leak incidents closed, their secrets rotated`);
  if (plan.deferred > 0)
    s.log(`${owner}/${repo}: cap reached, ${plan.deferred} rotated incidents left to close next sweep`);
  return [...revoked, ...applied];
}

/** The incidents whose key their provider no longer lists as active, closed; a provider that fails closes nothing. */
async function closeRevokedIncidents(
  s: IncidentCloseSweep,
  admins: ProviderAdmins,
  incidents: readonly OpenIncident[],
): Promise<Applied[]> {
  if (incidents.length === 0) return [];
  const { octokit, owner, repo, botLogin } = s;
  const listed = new Map<AdminProviderId, readonly ProviderKey[]>();
  for (const provider of admins.providers) {
    if (!incidents.some((i) => parseIncidentMarker(i.body)?.providerKey?.provider === provider)) continue;
    try {
      listed.set(provider, await admins.listKeys(provider));
    } catch (error) {
      s.log(
        `${owner}/${repo}: could not read ${ADMIN_APIS[provider].name}'s keys, its incidents stay open: ${(error as Error).message}`,
      );
    }
  }
  const plan = planProviderClose({ incidents, listed, maxContent: s.budget.remaining });
  const applied = await applyActions(octokit, plan.actions, { owner, repo, botLogin, dryRun: s.dryRun, log: s.log });
  s.budget.remaining -= contentCount(applied.map((a) => a.action));
  if (applied.length > 0)
    s.log(`${owner}/${repo}: ${applied.length} leak incidents closed, their keys no longer active`);
  return applied;
}
