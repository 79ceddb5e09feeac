import type { Decision } from '../../src/inventory/decision.js';
import { evaluateInventory } from '../../src/inventory/evaluate-inventory.js';
import { renderDashboard, type DashboardInput } from '../../src/tracking/dashboard/render-dashboard.js';
import { renderDashboardMarker } from '../../src/tracking/dashboard-marker.js';
import { dashboardRowsOf } from '../../src/tracking/dashboard/dashboard-rows.js';
import type { IssueAction } from '../../src/tracking/issue-action.js';
import { planDashboard } from '../../src/tracking/dashboard/plan-dashboard.js';
import { mentionedTeams } from '../../src/tracking/mentioned-teams.js';
import { planIssues } from '../../src/tracking/key-issues/plan-issues.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import { unprotectedRowsOf } from '../../src/tracking/dashboard/unprotected-rows.js';
import { fetchOwnerSources } from '../github/codeowners.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { createTeamRosterCache } from '../github/team-roster-cache.js';
import { budgetReady } from '../octokit/use-request-budget.js';
import { closeRotatedIncidents } from '../incidents/close-rotated-incidents.js';
import { onboardRepo } from '../onboarding/onboard-repo.js';
import { applyActions, contentCount } from '../repo/apply-actions.js';
import { dashboardMoved } from './dashboard-moved.js';
import { fetchRepoInventory, type FetchedInventory } from '../repo/fetch-repo-inventory.js';
import { issuesAfter } from './issues-after.js';
import { loadPolicy } from '../repo/load-policy.js';
import { loadTrackedIssues } from '../repo/load-tracked-issues.js';
import { processOrgSecretsPasses, type OrgSecretsPasses } from './org-secrets-passes.js';
import { recallOrgSecretsPass } from './recall-org-secrets-pass.js';
import { providerKeysSection } from './provider-keys-section.js';
import type { SweepRun } from './sweep-run.js';
import { withRepoLock } from '../repo/with-repo-lock.js';

export interface RepoSweep extends SweepRun {
  octokit: AppOctokit;
  owner: string;
  repo: string;
}

export interface RepoSweepResult {
  decisions: Decision[];
  /** Every action applied (or logged, in dry-run), key issues then dashboard. */
  actions: IssueAction[];
  /** Actions the cap left for the next sweep. */
  deferred: number;
}

/**
 * What one repository's sweep costs under a new installation token, which is every day's sweep:
 * tokens live an hour and GitHub answers 304 only to the token that obtained the ETag
 * (README, "At scale"), so the budget never counts on a 304. Counted reads: the policy file,
 * environments, repository, organisation and Dependabot secret lists, the bot's issues, and one
 * secret list per environment — 9 with three environments (`npm run bench:sweep`) — and one more
 * for the organisation's policy file or a second page. The request budget holds this many back
 * before each repository.
 */
export const REPO_SWEEP_REQUESTS = 10;

/**
 * One repository, as a recipe: policy → secret metadata → decisions at `now` → the bot's issues →
 * plan → apply; then the dashboard, from the issues as they are now. Planning again at once gives
 * nothing, so two sweeps, a restart or a retry never duplicate an issue or a comment.
 */
export async function sweepRepo(s: RepoSweep): Promise<RepoSweepResult> {
  // The request budget first, the lock after: a sweep client waits when the sweeps' share of the
  // hour is spent (until the reset, up to an hour), and it must not wait holding the lock that a
  // push, an alert or a command on this repository takes for its issue writes.
  await budgetReady(s.octokit, REPO_SWEEP_REQUESTS);
  return (s.lock ?? withRepoLock)(`${s.owner}/${s.repo}`, () => sweepRepoNow(s));
}

/**
 * The skipped scopes, and on the repository that tracks the organisation's own secrets (its
 * `org-secrets-repo`) those secrets from the organisation's latest pass, linked to their issues here;
 * a pass that could not read them says why in that section rather than in the skipped list.
 */
function orgSection(
  passes: OrgSecretsPasses,
  owner: string,
  repo: string,
  fetched: FetchedInventory,
  issues: readonly TrackedIssue[],
): Pick<DashboardInput, 'skipped' | 'orgSecrets'> {
  const pass = passes.trackedIn(owner, repo);
  if (!pass) return { skipped: fetched.skipped };
  const skipped = pass.skipped;
  const orgSecrets = { org: owner, rows: dashboardRowsOf(owner, pass.decisions, issues), ...(skipped && { skipped }) };
  return { skipped: skipped ? fetched.skipped.filter((s) => s.what !== skipped.what) : fetched.skipped, orgSecrets };
}

/** `again`: this is the one repeat of a sweep whose dashboard changed under it (see below). */
async function sweepRepoNow(s: RepoSweep, again = false): Promise<RepoSweepResult> {
  const { octokit, owner, repo, botLogin, now } = s;
  const repository = `${owner}/${repo}`;
  const { policy, errors, ownFile } = await loadPolicy(octokit, owner, repo);
  const passes = s.orgPasses ?? processOrgSecretsPasses;
  const read = await fetchRepoInventory(octokit, owner, repo);
  // When this sweep could not track the owner's organisation secrets, the dashboard says so too.
  const fetched = { ...read, skipped: [...read.skipped, ...passes.skipped(owner)] };
  const decisions = evaluateInventory(fetched.inventory, policy, now);
  const issues = await loadTrackedIssues(octokit, owner, repo, botLogin);
  const dryRun = s.dryRun || policy['dry-run'];
  const apply = (actions: readonly IssueAction[]) =>
    applyActions(octokit, actions, { owner, repo, botLogin, dryRun, log: s.log, viewedAt: now });

  // An unprotected environment's issue has no policy owners: CODEOWNERS or the admins are its owners.
  const ownerless = decisions.some((d) => d.kind === 'environment' || (d.status !== 'ok' && d.owners.length === 0));
  const owners = ownerless ? await fetchOwnerSources(octokit, owner, repo, now) : {};
  // Teams are assigned through their members: a team mention from an App may notify nobody (README, "Who gets notified").
  const teamCache = s.teams ?? createTeamRosterCache(s.log);
  const named = mentionedTeams(decisions, policy, owners);
  const teams = await teamCache.read(octokit, named);
  // The list itself was read (an environment's secrets may not have been): its protections are known.
  const listed = !fetched.skipped.some((s) => s.what === 'environments');
  const environments = listed ? { environments: fetched.inventory.environments.map((e) => e.name) } : {};
  const plan = planIssues({
    repository,
    decisions,
    policy,
    issues,
    botLogin,
    now,
    owners,
    teams,
    ...environments,
    skippedScopes: fetched.skippedScopes,
    maxContent: s.budget.remaining,
  });
  const applied = await apply(plan.actions);
  s.budget.remaining -= contentCount(applied.map((a) => a.action));
  await closeRotatedIncidents({ ...s, policy, fetched, dryRun, issues });

  // Another process opened an issue at the same time (an `open` left to it, or a twin closed): its
  // issue is not in `issues`, so list again.
  const raced =
    applied.some((a) => a.duplicateOf !== undefined) ||
    plan.actions.some((action) => !applied.some((a) => a.action === action));
  const after = raced
    ? await loadTrackedIssues(octokit, owner, repo, botLogin)
    : issuesAfter(issues, applied, now, botLogin);
  await recallOrgSecretsPass(passes, octokit, owner, repo, after, now);
  const unprotected = unprotectedRowsOf(repository, decisions, after);
  const providerKeys = providerKeysSection(passes, owner, repo, after, botLogin);
  const body = renderDashboard({
    repository,
    rows: dashboardRowsOf(repository, decisions, after),
    configErrors: errors,
    ...orgSection(passes, owner, repo, fetched, after),
    unprotected,
    unreadTeams: teamCache.unreadable(named),
    ...(providerKeys && { providerKeys }),
    now,
    marker: renderDashboardMarker(),
  });
  const dashboard = planDashboard(after, body, { enabled: policy.dashboard, botLogin });
  // Someone wrote the dashboard since it was read (a tick, or a re-check elsewhere): what this sweep
  // read may predate it, so read everything again — once — and write from that, tick honoured.
  if (!again && !dryRun && (await dashboardMoved(octokit, { owner, repo }, dashboard, after))) {
    s.log(`${repository}: the dashboard changed while it was swept; sweeping it again`);
    const repeat = await sweepRepoNow(s, true);
    return { ...repeat, actions: [...applied.map((a) => a.action), ...repeat.actions] };
  }
  const allowed = contentCount(dashboard) <= s.budget.remaining ? dashboard : [];
  const appliedDashboard = await apply(allowed);
  s.budget.remaining -= contentCount(appliedDashboard.map((a) => a.action));
  await onboardRepo(s, { policy, ownFile, inventory: fetched.inventory, dryRun });
  if (plan.deferred.length)
    s.log(`${repository}: cap reached, ${plan.deferred.length} actions left for the next sweep`);
  const actions = [...applied, ...appliedDashboard].map((a) => a.action);
  return { decisions, actions, deferred: plan.deferred.length + dashboard.length - allowed.length };
}
