import type { Config } from '../../src/policy/config-schema.js';
import { planIncidentClose } from '../../src/tracking/incidents/plan-incident-close.js';
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
  const incidents = s.issues
    .filter((i) => i.state === 'open' && i.labels.includes(LEAK_LABEL))
    .map((i) => ({ number: i.number, body: i.body, createdAt: i.createdAt }));
  if (incidents.length === 0) return [];
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
  return applied;
}
