import { parseCommentMarker } from '../../src/tracking/comment-marker.js';
import { sameLogin } from '../../src/tracking/key-issues/last-notice.js';
import type { AppOctokit } from '../octokit/octokit.js';

/** Where a command was posted. */
export interface IssueAt {
  owner: string;
  repo: string;
  issue_number: number;
}

/**
 * Whether the bot already answered the command comment `commentId`: its replies record the comment
 * they answer (`replyTo` in the hidden comment marker), so a redelivered webhook is answered once.
 */
export async function alreadyAnswered(
  octokit: AppOctokit,
  at: IssueAt,
  commentId: number,
  botLogin: string,
): Promise<boolean> {
  const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...at,
    per_page: 100,
  });
  return comments.some(
    (c) => sameLogin(c.user?.login ?? '', botLogin) && parseCommentMarker(c.body)?.replyTo === commentId,
  );
}
