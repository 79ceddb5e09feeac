import type { CloseAction, OpenIssueAction } from '../../src/tracking/issue-action.js';
import { TRACKING_LABEL } from '../../src/tracking/issue-labels.js';
import { planTwinClose } from '../../src/tracking/plan-twin-close.js';
import type { AppOctokit } from '../github/octokit.js';

/**
 * Right after opening issue `number` for `opened`: re-lists the bot's open tracked issues and, when
 * an older one tracks the same key, closes the new one as its duplicate and returns that close
 * and the older issue's number.
 * GitHub has no unique constraint, and the in-process lock (with-repo-lock.ts) cannot see another
 * app process sweeping the same repository, so each writer reconciles after its own write.
 * https://docs.github.com/rest/issues/issues#list-repository-issues
 */
export async function closeIfTwin(octokit: AppOctokit, opened: OpenIssueAction, number: number, at: { owner: string; repo: string; botLogin: string }): Promise<{ close: CloseAction; original: number } | undefined> {
  const { owner, repo, botLogin } = at;
  const listed = await octokit.paginate('GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'open', labels: TRACKING_LABEL, creator: botLogin, per_page: 100 });
  const open = listed.filter((i) => !i.pull_request).map((i) => ({ number: i.number, title: i.title, body: i.body ?? '', labels: [], state: 'open' as const, ...(i.user && { author: i.user.login }), comments: [] }));
  const twin = planTwinClose(opened, number, open, botLogin);
  if (!twin) return undefined;
  const { close, original } = twin;
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number, body: close.comment! });
  await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: number, state: 'closed', state_reason: close.reason });
  return { close, original };
}
