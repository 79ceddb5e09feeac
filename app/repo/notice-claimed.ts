import type { CommentMarker } from '../../src/tracking/comment-marker.js';
import type { CloseAction, CommentAction } from '../../src/tracking/issue-action.js';
import { noticeAlreadyPosted } from '../../src/tracking/key-issues/repeat-notice.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { withIssueClaim } from './with-issue-claim.js';

export interface NoticeAt {
  owner: string;
  repo: string;
  botLogin: string;
  /** When the issues the plan came from were read: comments since then are what the plan did not see. */
  viewedAt: Date;
  clock?: () => Date;
  log: (message: string) => void;
}

/** What the re-read allows: everything, the close without its comment (posted by another), or nothing. */
export type NoticeWrite = 'all' | 'close-only' | 'none';

/**
 * GitHub's `created_at` and this host's clock may disagree by a little: the re-read reaches back
 * this much further, so a notice another sweep posted just before this one's view is not missed.
 * A notice the plan saw in that margin would have stopped it planning the same one.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

/**
 * Claim the issue → read its state and the comments posted since the plan's view again → `write`
 * only what no other process did meanwhile → release. Two sweeps planning from the same view (two
 * `sweep --once` without Redis, a sweep and a re-check elsewhere) would each post the reminder,
 * the escalation or the closing word, and each owner would hear it twice. Costs four requests per
 * notice: the claim label's create and delete, the issue and its new comments
 * (https://docs.github.com/rest/issues/comments#list-issue-comments, `since`). A process that does
 * not get the claim writes nothing: the holder does, or the next sweep.
 */
export async function noticeClaimed(
  octokit: AppOctokit,
  action: CommentAction | CloseAction,
  notice: CommentMarker,
  at: NoticeAt,
  write: (what: NoticeWrite) => Promise<number>,
): Promise<number | undefined> {
  const { owner, repo } = at;
  const claimed = await withIssueClaim(
    octokit,
    { owner, repo, ...(at.clock && { clock: at.clock }) },
    `${action.key}#${action.issue}`,
    async () => {
      const what = await recheck(octokit, action, notice, at);
      return what === 'none' ? undefined : await write(what);
    },
  );
  if (!claimed.held) {
    at.log(
      `${owner}/${repo}: #${action.issue} (${action.key}): ${notice.kind} not posted, another sweep holds the issue's claim and posts it`,
    );
    return undefined;
  }
  if (claimed.result === undefined)
    at.log(
      `${owner}/${repo}: #${action.issue} (${action.key}): ${notice.kind} not posted, another sweep posted it or closed the issue meanwhile`,
    );
  return claimed.result;
}

async function recheck(
  octokit: AppOctokit,
  action: CommentAction | CloseAction,
  notice: CommentMarker,
  at: NoticeAt,
): Promise<NoticeWrite> {
  const { owner, repo, botLogin } = at;
  const { data: issue } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
    owner,
    repo,
    issue_number: action.issue,
  });
  if (issue.state !== 'open') return 'none';
  const since = new Date(at.viewedAt.getTime() - CLOCK_MARGIN_MS).toISOString();
  const recent = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: action.issue,
    since,
    per_page: 100,
  });
  const comments = recent.map((c) => ({ author: c.user?.login ?? '', createdAt: c.created_at, body: c.body ?? '' }));
  if (!noticeAlreadyPosted(notice, comments, botLogin)) return 'all';
  return action.type === 'close' ? 'close-only' : 'none';
}
