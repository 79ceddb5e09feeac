import { FetchError } from './fetch-error.js';
import type { ScanPlan } from './plan-scan.js';
import type { ScanGit } from './scan-git.js';

/** Where the config and the baseline of a scan are read, now that the plan's commits are in the clone. */
export type PolicySource =
  /** A tree or history scan: the checked-out files (what the default branch or the dispatcher chose). */
  | { kind: 'workspace' }
  /** A commit before what is scanned: a base (`words: 'base'`), a push's `before`, or the default branch's tip. */
  | { kind: 'commit'; sha: string; words: 'base' | 'push'; branch?: string }
  /** No commit to trust (the first push to the default branch, no default branch on origin): the defaults. */
  | { kind: 'none'; why: string };

/**
 * Finds the commit the plan's policy names: its commit when the clone has it (obtainRange fetched it
 * as an exclude; a force push's old tip may be gone), else the default branch's tip on origin,
 * fetched here, unless that tip is the pushed ref's own (then the push itself) or there is none.
 */
export async function resolvePolicySource(plan: ScanPlan, git: ScanGit): Promise<PolicySource> {
  if (plan.kind !== 'commits') return { kind: 'workspace' };
  const { commit, branch, pushedRef, words } = plan.policy;
  if (commit && (await git.hasCommit(commit))) return { kind: 'commit', sha: commit, words };
  // A base is always fetched with the range; without it, nothing else may stand in for it.
  if (words === 'base')
    throw new FetchError(
      `cannot read the config at the base ${commit?.slice(0, 7) ?? '(none)'}: the commit is not in the clone`,
    );
  const lost = commit
    ? `${commit.slice(0, 7)}, the tip before the push, is gone from origin`
    : 'the push has no commit before it';
  if (!branch) return { kind: 'none', why: `${lost}, and the event names no default branch` };
  if (`refs/heads/${branch}` === pushedRef)
    return { kind: 'none', why: `${lost}, and it is to the default branch ${branch} itself` };
  const tip = (await git.remoteBranches()).get(`refs/heads/${branch}`);
  if (!tip || plan.include.includes(tip))
    return {
      kind: 'none',
      why: `${lost}, and the default branch ${branch} ${tip ? 'is this push' : 'is not on origin'}`,
    };
  if (!(await git.hasCommit(tip))) {
    const fetched = await git.fetch([tip], 1);
    // Not the defaults: the default branch's config may hold detectors the defaults lack.
    if (!fetched.ok)
      throw new FetchError(
        `cannot fetch the tip of ${branch}, whose config and baseline decide this push (${fetched.error})`,
      );
  }
  return { kind: 'commit', sha: tip, words, branch };
}
