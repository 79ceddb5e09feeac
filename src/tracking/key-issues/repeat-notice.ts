import { parseCommentMarker, type CommentMarker } from '../comment-marker.js';
import { sameLogin } from './last-notice.js';
import type { IssueComment } from '../tracked-issue.js';

/** The notices that go to every owner: a reminder, an escalation, the closing word. */
const CLAIMED_KINDS: readonly CommentMarker['kind'][] = ['reminder', 'escalation', 'rotated', 'resolved'];
const CLOSING_KINDS: readonly CommentMarker['kind'][] = ['rotated', 'resolved'];

/**
 * The marker of a comment the bot is about to post when it is a notice two sweeps could both post
 * from the same view (a reminder, an escalation, a rotated or resolved close) — what the adapter
 * claims and checks again before writing; undefined for anything else (a command's answer runs
 * under the repository lock and answers one comment once; a duplicate's close is checked apart).
 */
export function claimedNotice(body: string | undefined): CommentMarker | undefined {
  const marker = parseCommentMarker(body);
  return marker && CLAIMED_KINDS.includes(marker.kind) ? marker : undefined;
}

/**
 * Whether `comments` (the issue's, re-read since the plan was made) already hold the bot's notice
 * that `planned` would repeat: the same key, and the same kind and key state for a reminder or an
 * escalation, or any closing word for a close. Another sweep posted it meanwhile. Pure.
 */
export function noticeAlreadyPosted(
  planned: CommentMarker,
  comments: readonly IssueComment[],
  botLogin: string,
): boolean {
  return comments.some((comment) => {
    if (!sameLogin(comment.author, botLogin)) return false;
    const posted = parseCommentMarker(comment.body);
    if (posted?.key !== planned.key) return false;
    if (CLOSING_KINDS.includes(planned.kind)) return CLOSING_KINDS.includes(posted.kind);
    return posted.kind === planned.kind && posted.state === planned.state;
  });
}
