import type { IssueAction } from '../../src/tracking/issue-action.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { AppOctokit } from '../octokit/octokit.js';

/**
 * Whether a dashboard this sweep is about to rewrite changed since the sweep read it — a user ticked
 * "Re-check now" after the sweep's reads, or a re-check in another process rewrote it. Read right
 * before the write (GitHub has no conditional write for issues), and only when there is a write: a
 * sweep that rewrote it blind would erase a tick it never saw, or put older readings over newer.
 * https://docs.github.com/rest/issues/issues#get-an-issue
 */
export async function dashboardMoved(
  octokit: AppOctokit,
  at: { owner: string; repo: string },
  actions: readonly IssueAction[],
  read: readonly TrackedIssue[],
): Promise<boolean> {
  for (const action of actions) {
    if (action.type !== 'update-body') continue;
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
      ...at,
      issue_number: action.issue,
    });
    if ((data.body ?? '') !== (read.find((issue) => issue.number === action.issue)?.body ?? '')) return true;
  }
  return false;
}
