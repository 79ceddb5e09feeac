import type { KeyDecision } from '../../src/inventory/decision.js';
import type { IssueAction } from '../../src/tracking/issue-action.js';
import { mentionedTeams } from '../../src/tracking/mentioned-teams.js';
import { planIssues } from '../../src/tracking/key-issues/plan-issues.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { createTeamRosterCache } from '../github/team-roster-cache.js';
import { applyCappedPlan, contentCount } from '../repo/apply-actions.js';
import { loadPolicy } from '../repo/load-policy.js';
import { loadTrackedIssues } from '../repo/load-tracked-issues.js';
import { processOrgSecretsPasses } from './org-secrets-passes.js';
import { readOrgSecrets } from './read-org-secrets.js';
import type { SweepRun } from './sweep-run.js';
import { withRepoLock } from '../repo/with-repo-lock.js';

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
 * An organisation's own secrets, once per sweep: the org's `.github` policy says
 * which repository tracks them (`org-secrets-repo`); each secret is judged by age there, with one
 * issue per key under the organisation's name, so no repository reports a shared value as its own.
 * A tracking repository the installation cannot reach, or a 403/404 on the list, skips the pass and
 * every dashboard of the org says so; it never stops the sweep. The pass is noted for the dashboards:
 * the tracking repository's lists the secrets, with their visibility, or why they could not be read.
 */
export async function sweepOrgSecrets(s: OrgSweep): Promise<OrgSweepResult> {
  const { octokit, org, botLogin, now } = s;
  const passes = s.orgPasses ?? processOrgSecretsPasses;
  const { policy } = await loadPolicy(octokit, org, '.github');
  const trackingName = policy['org-secrets-repo'];
  const tracking = s.repositories.find((r) => r.name.toLowerCase() === trackingName.toLowerCase() && !r.archived);
  const what = `organisation secrets of ${org} (tracked in ${org}/${trackingName})`;
  if (!tracking) {
    passes.note(org, { decisions: [], skipped: { what, reason: 'not-found' } });
    return { actions: [], decisions: [], skipped: `${org}/${trackingName} is not in the installation` };
  }
  const repo = tracking.name;
  const pass = await readOrgSecrets(octokit, org, repo, policy, now);
  passes.note(org, pass);
  if (pass.skipped) return { actions: [], decisions: [], skipped: `${what}: ${pass.skipped.reason}` };
  const { decisions } = pass;
  const actions = await (s.lock ?? withRepoLock)(`${org}/${repo}`, async () => {
    const issues = await loadTrackedIssues(octokit, org, repo, botLogin);
    const teams = await (s.teams ?? createTeamRosterCache(s.log)).read(octokit, mentionedTeams(decisions, policy));
    const plan = planIssues({
      repository: org,
      decisions,
      policy,
      issues,
      botLogin,
      now,
      teams,
      maxContent: s.budget.remaining,
    });
    return applyCappedPlan(octokit, plan, {
      owner: org,
      repo,
      botLogin,
      dryRun: s.dryRun || policy['dry-run'],
      log: s.log,
      viewedAt: now,
      what: 'organisation secrets',
    });
  });
  s.budget.remaining -= contentCount(actions);
  return { trackedIn: `${org}/${repo}`, actions, decisions };
}
