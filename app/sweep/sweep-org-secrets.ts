import type { KeyDecision } from '../../src/inventory/decision.js';
import { evaluateOrgSecrets } from '../../src/inventory/evaluate-unlisted-secrets.js';
import type { InventoryItem, OrgSecretVisibility } from '../../src/inventory/inventory.js';
import type { IssueAction } from '../../src/tracking/issue-action.js';
import { planIssues } from '../../src/tracking/plan-issues.js';
import { missingPermission, statusOf, type AppOctokit } from '../github/octokit.js';
import { applyActions, contentCount } from './apply-actions.js';
import { loadPolicy } from './load-policy.js';
import { loadTrackedIssues } from './load-tracked-issues.js';
import { noteOrgSecretsPass } from './org-secrets-skipped.js';
import type { SweepRun } from './sweep-run.js';
import { withRepoLock } from './with-repo-lock.js';

export interface OrgSweep extends SweepRun {
  octokit: AppOctokit;
  /** The organisation's login. */
  org: string;
  /** Repositories the installation reaches (`name` within the org, any case) and whether archived. */
  repositories: ReadonlyArray<{ name: string; archived?: boolean }>;
}

export interface OrgSweepResult {
  /** `org/repo` where the organisation's secrets are tracked, when they could be. */
  trackedIn?: string;
  actions: IssueAction[];
  /** The organisation's secrets judged at `now` (empty when skipped): `/rotated` and `/status` answer from them. */
  decisions: KeyDecision[];
  /** Why the organisation's secrets were not tracked this time. */
  skipped?: string;
}

/**
 * An organisation's own secrets, once per sweep (issue 5, "Sweep"): the org's `.github` policy says
 * which repository tracks them (`org-secrets-repo`); each secret is judged by age there, with one
 * issue per key under the organisation's name, so no repository reports a shared value as its own.
 * A tracking repository the installation cannot reach, or a 403/404 on the list, skips the pass and
 * every dashboard of the org says so; it never stops the sweep.
 */
export async function sweepOrgSecrets(s: OrgSweep): Promise<OrgSweepResult> {
  const { octokit, org, botLogin, now } = s;
  const { policy } = await loadPolicy(octokit, org, '.github');
  const trackingName = policy['org-secrets-repo'];
  const tracking = s.repositories.find((r) => r.name.toLowerCase() === trackingName.toLowerCase() && !r.archived);
  const what = `organisation secrets of ${org} (tracked in ${org}/${trackingName})`;
  if (!tracking) {
    noteOrgSecretsPass(org, { decisions: [], skipped: { what, reason: 'not-found' } });
    return { actions: [], decisions: [], skipped: `${org}/${trackingName} is not in the installation` };
  }
  const repo = tracking.name;
  const secrets = await listOrgSecrets(octokit, org);
  if (!Array.isArray(secrets)) {
    noteOrgSecretsPass(org, { trackedIn: repo, decisions: [], skipped: { what, ...secrets } });
    return { actions: [], decisions: [], skipped: `${what}: ${secrets.reason}` };
  }
  // Only the secrets the policy tracks are counted: one request each, for the dashboard.
  const tracked = new Set(evaluateOrgSecrets(secrets, policy, now).map((d) => d.item));
  const counted = await countSelectedRepositories(octokit, org, secrets, (secret) => tracked.has(secret));
  const decisions = evaluateOrgSecrets(counted, policy, now);
  noteOrgSecretsPass(org, { trackedIn: repo, decisions });
  const actions = await (s.lock ?? withRepoLock)(`${org}/${repo}`, async () => {
    const issues = await loadTrackedIssues(octokit, org, repo, botLogin);
    const plan = planIssues({ repository: org, decisions, policy, issues, botLogin, now, maxContent: s.budget.remaining });
    const applied = await applyActions(octokit, plan.actions, { owner: org, repo, botLogin, dryRun: s.dryRun || policy['dry-run'], log: s.log });
    if (plan.deferred.length) s.log(`${org} organisation secrets: cap reached, ${plan.deferred.length} actions left for the next sweep`);
    return applied.map((a) => a.action);
  });
  s.budget.remaining -= contentCount(actions);
  return { trackedIn: `${org}/${repo}`, actions, decisions };
}

/**
 * `GET /orgs/{org}/actions/secrets` (GITHUB-FACTS.md, "Secret metadata"; needs "Organization secrets"
 * read). A 403 or 404 gives the reason instead of the list.
 */
async function listOrgSecrets(octokit: AppOctokit, org: string): Promise<InventoryItem[] | { reason: 'forbidden' | 'not-found'; permission?: string }> {
  try {
    const secrets = await octokit.paginate('GET /orgs/{org}/actions/secrets', { org, per_page: 100 });
    return secrets.map((secret) => ({ scope: 'org', name: secret.name, updatedAt: new Date(secret.updated_at), ...(isVisibility(secret.visibility) && { visibility: secret.visibility }) }));
  } catch (error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 404) throw error;
    const permission = missingPermission(error);
    return { reason: status === 403 ? 'forbidden' : 'not-found', ...(permission && { permission }) };
  }
}

function isVisibility(value: unknown): value is OrgSecretVisibility {
  return value === 'all' || value === 'private' || value === 'selected';
}

/**
 * How many repositories each `selected` secret that `wanted` keeps is shown to, for the dashboard of
 * the repository that tracks them: `total_count` of its repository list, one request of one item each
 * (the list endpoint does not give it). A count that cannot be read (403, 404) is left out; the
 * dashboard then says "selected" alone.
 * https://docs.github.com/rest/actions/secrets#list-selected-repositories-for-an-organization-secret
 */
async function countSelectedRepositories(octokit: AppOctokit, org: string, secrets: readonly InventoryItem[], wanted: (secret: InventoryItem) => boolean): Promise<InventoryItem[]> {
  const counted: InventoryItem[] = [];
  for (const secret of secrets) {
    if (secret.visibility !== 'selected' || !wanted(secret)) {
      counted.push(secret);
      continue;
    }
    try {
      const { data } = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', { org, secret_name: secret.name, per_page: 1 });
      counted.push({ ...secret, selectedRepositories: data.total_count });
    } catch (error) {
      const status = statusOf(error);
      if (status !== 403 && status !== 404) throw error;
      counted.push(secret);
    }
  }
  return counted;
}
