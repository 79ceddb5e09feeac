import { planProviderIssues } from '../../src/tracking/provider-issues/plan-provider-issues.js';
import type { ProviderAuditRead } from '../../src/tracking/provider-issues/provider-plan-input.js';
import { resolveOwners, toMention } from '../../src/tracking/resolve-owners.js';
import { teamKey } from '../../src/tracking/team-rosters.js';
import type { IssueAction } from '../../src/tracking/issue-action.js';
import { fetchOwnerSources } from '../github/codeowners.js';
import { createTeamRosterCache } from '../github/team-roster-cache.js';
import { applyCappedPlan, contentCount } from '../repo/apply-actions.js';
import { loadPolicy } from '../repo/load-policy.js';
import { loadTrackedIssues } from '../repo/load-tracked-issues.js';
import { withRepoLock } from '../repo/with-repo-lock.js';
import type { ProviderAdminSource } from '../provider-audit-settings.js';
import { auditProvider, type ProviderUnread } from './audit-provider.js';
import { processOrgSecretsPasses } from './org-secrets-passes.js';
import type { OrgSweep } from './sweep-org-secrets.js';

/** The provider audit an org sweep runs: the server's admin keys and the one organisation they belong to. */
export interface ProviderAuditRun {
  admins: readonly ProviderAdminSource[];
  /** The organisation login (any case) whose sweep audits the providers. */
  org: string;
  /** Where a provider that could not be read is told (a warning: it needs someone); the sweep's log when absent. */
  warn?: (message: string) => void;
  /** How the clients reach the admin APIs; the global `fetch` by default. */
  fetch?: typeof globalThis.fetch;
}

export interface ProviderSweepResult {
  actions: IssueAction[];
  /** Why no provider issue was written this time. */
  skipped?: string;
}

/**
 * The providers' own key inventories, once per org sweep, as issues in the organisation's
 * `org-secrets-repo`: each admin key's audit ({@link auditProvider}) with the org's `.github` policy,
 * then one issue per problem of each key (src/tracking/provider-issues/), under the repository's lock.
 * A provider that could not be read is left out of the plan, so its issues are neither updated nor
 * closed (fail closed); the dashboard says so. Owners are the repository's CODEOWNERS, else its admins.
 */
export async function sweepProviderKeys(
  s: OrgSweep & { providerAudit: ProviderAuditRun },
): Promise<ProviderSweepResult> {
  const { octokit, org, botLogin, now } = s;
  const { policy } = await loadPolicy(octokit, org, '.github');
  const trackingName = policy['org-secrets-repo'];
  const tracking = s.repositories.find((r) => r.name.toLowerCase() === trackingName.toLowerCase() && !r.archived);
  if (!tracking) return { actions: [], skipped: `${org}/${trackingName} is not in the installation` };
  const repo = tracking.name;
  const audits: ProviderAuditRead[] = [];
  const unread: ProviderUnread[] = [];
  for (const source of s.providerAudit.admins) {
    const read = await auditProvider(source, policy, now, s.providerAudit.warn ?? s.log, s.providerAudit.fetch);
    if ('keys' in read) audits.push(read);
    else unread.push(read);
  }
  const passes = s.orgPasses ?? processOrgSecretsPasses;
  passes.note(org, {
    ...(passes.last(org) ?? { decisions: [] }),
    providers: { read: audits.map((a) => a.provider), unread },
  });
  if (audits.length === 0) return { actions: [], skipped: 'no provider could be read' };
  const actions = await (s.lock ?? withRepoLock)(`${org}/${repo}`, async () => {
    const issues = await loadTrackedIssues(octokit, org, repo, botLogin);
    const problems = audits.some((a) => a.findings.length > 0);
    const owners = problems ? resolveOwners([], await fetchOwnerSources(octokit, org, repo, now)) : [];
    const escalateTo = policy['escalate-to'].map(toMention).filter((m): m is string => m !== undefined);
    const named = [...new Set([...escalateTo, ...owners].map(teamKey).filter((k): k is string => k !== undefined))];
    const teams = problems ? await (s.teams ?? createTeamRosterCache(s.log)).read(octokit, named) : undefined;
    const plan = planProviderIssues({
      audits,
      policy,
      issues,
      botLogin,
      now,
      owners,
      ...(teams && { teams }),
      maxContent: s.budget.remaining,
    });
    return applyCappedPlan(octokit, plan, {
      owner: org,
      repo,
      botLogin,
      dryRun: s.dryRun || policy['dry-run'],
      log: s.log,
      viewedAt: now,
      what: 'provider keys',
    });
  });
  s.budget.remaining -= contentCount(actions);
  return { actions };
}
