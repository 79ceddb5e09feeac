import { renderDuplicate } from '../report/render-issue-comment.js';
import { renderCommentMarker } from './comment-marker.js';
import type { CloseAction, OpenIssueAction } from './issue-action.js';
import { issueKindOf, keyMarkerOf } from './issue-kind.js';
import { sameLogin } from './last-notice.js';
import type { TrackedIssue } from './tracked-issue.js';

/** The `key` of the dashboard's actions (plan-dashboard.ts). */
const DASHBOARD_KEY = 'dashboard';

/**
 * Closing `issue` as a duplicate of the older `original` that tracks the same key: the comment
 * names the original, and (for a key issue) carries the comment marker the planner reads back.
 */
export function planDuplicateClose(key: string, issue: number, original: number): CloseAction {
  const comment = key === DASHBOARD_KEY
    ? `Duplicate of #${original}.`
    : `${renderDuplicate(original)}\n\n${renderCommentMarker({ key, kind: 'duplicate' })}`;
  return { type: 'close', key, issue, comment, reason: 'not_planned' };
}

/**
 * After `opened` became issue `number`: GitHub has no unique constraint, so two app processes
 * sweeping at once can each open one. Given the bot's open issues listed right after the write,
 * the one just opened is closed when an older open issue tracks the same key (or is the
 * dashboard) — the oldest always wins, so exactly one of the twins survives whatever the order.
 * Pure; undefined when there is no older twin, else the close and the older issue's number.
 */
export function planTwinClose(opened: OpenIssueAction, number: number, openIssues: readonly TrackedIssue[], botLogin: string): { close: CloseAction; original: number } | undefined {
  const sameKey = (issue: TrackedIssue) => opened.key === DASHBOARD_KEY ? issueKindOf(issue) === 'dashboard' : keyMarkerOf(issue)?.key === opened.key;
  const older = openIssues
    .filter((i) => i.state === 'open' && i.number < number && (i.author === undefined || sameLogin(i.author, botLogin)) && sameKey(i))
    .sort((a, b) => a.number - b.number)[0];
  return older ? { close: planDuplicateClose(opened.key, number, older.number), original: older.number } : undefined;
}
