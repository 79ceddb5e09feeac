import type { CloseAction, OpenIssueAction } from '../../src/tracking/issue-action.js';
import { planTwinClose } from '../../src/tracking/key-issues/plan-twin-close.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { listOpenTrackedIssues } from './load-tracked-issues.js';

/**
 * Right after opening issue `number` for `opened`: re-lists the bot's open tracked issues and, when
 * an older one tracks the same key, closes the new one as its duplicate and returns that close
 * and the older issue's number.
 * GitHub has no unique constraint. The claim taken before the write (with-issue-claim.ts) keeps
 * two processes from both opening; this is the last resort for when it could not: a claim taken
 * over from a process that was only slow, or a list that did not show the other's issue yet.
 * https://docs.github.com/rest/issues/issues#list-repository-issues
 */
export async function closeIfTwin(
  octokit: AppOctokit,
  opened: OpenIssueAction,
  number: number,
  at: { owner: string; repo: string; botLogin: string },
): Promise<{ close: CloseAction; original: number } | undefined> {
  const { owner, repo, botLogin } = at;
  const open = await listOpenTrackedIssues(octokit, owner, repo, botLogin);
  const twin = planTwinClose(opened, number, open, botLogin);
  if (!twin) return undefined;
  const { close, original } = twin;
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: number,
    body: close.comment!,
  });
  await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner,
    repo,
    issue_number: number,
    state: 'closed',
    state_reason: close.reason,
  });
  return { close, original };
}
