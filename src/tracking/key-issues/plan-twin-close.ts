import { renderDuplicate } from './render-issue-comment.js';
import { renderCommentMarker } from '../comment-marker.js';
import type { CloseAction, OpenIssueAction } from '../issue-action.js';
import { incidentMarkerOf, issueKindOf, keyMarkerOf } from '../issue-kind.js';
import { sameLogin } from './last-notice.js';
import type { TrackedIssue } from '../tracked-issue.js';

/** The `key` of the dashboard's actions (plan-dashboard.ts). */
const DASHBOARD_KEY = 'dashboard';

/**
 * Closing `issue` as a duplicate of the older `original` that tracks the same key: the comment
 * names the original, and (for a key issue) carries the comment marker the planner reads back.
 */
export function planDuplicateClose(key: string, issue: number, original: number): CloseAction {
  const comment =
    key === DASHBOARD_KEY
      ? `Duplicate of #${original}.`
      : `${renderDuplicate(original)}\n\n${renderCommentMarker({ key, kind: 'duplicate' })}`;
  return { type: 'close', key, issue, comment, reason: 'not_planned' };
}

/**
 * After `opened` became issue `number`: GitHub has no unique constraint, so two app processes
 * sweeping at once can each open one (a claim, app/repo/with-issue-claim.ts, prevents it unless a
 * claim expired under a live process). Given the bot's open issues listed right after the write,
 * the one just opened is closed when an older open issue tracks the same key (or is the
 * dashboard) — the oldest always wins, so exactly one of the twins survives whatever the order.
 * Leak incidents are never closed as twins. Pure; undefined when there is no older twin, else the
 * close and the older issue's number.
 */
export function planTwinClose(
  opened: OpenIssueAction,
  number: number,
  openIssues: readonly TrackedIssue[],
  botLogin: string,
): { close: CloseAction; original: number } | undefined {
  if (isIncidentKey(opened.key)) return undefined;
  const older = openIssueFor(
    opened.key,
    openIssues.filter((i) => i.number < number),
    botLogin,
  );
  return older ? { close: planDuplicateClose(opened.key, number, older.number), original: older.number } : undefined;
}

/**
 * The bot's oldest open issue among `openIssues` that tracks what an `open` of `key` would: the
 * same key issue, the dashboard, or the leak incident of the same fingerprint. Pure.
 */
export function openIssueFor(
  key: string,
  openIssues: readonly TrackedIssue[],
  botLogin: string,
): TrackedIssue | undefined {
  return openIssues
    .filter((i) => i.state === 'open' && (i.author === undefined || sameLogin(i.author, botLogin)) && tracksKey(key, i))
    .sort((a, b) => a.number - b.number)[0];
}

const INCIDENT_PREFIX = 'incident:';
const isIncidentKey = (key: string): boolean => key.startsWith(INCIDENT_PREFIX);

/** Whether `issue` is the one an action keyed `key` is about (see the keys of plan-dashboard.ts, plan-issue-open.ts, plan-incidents.ts). */
function tracksKey(key: string, issue: TrackedIssue): boolean {
  if (key === DASHBOARD_KEY) return issueKindOf(issue) === 'dashboard';
  if (isIncidentKey(key))
    return incidentMarkerOf(issue)?.fingerprint.startsWith(key.slice(INCIDENT_PREFIX.length)) ?? false;
  return keyMarkerOf(issue)?.key === key;
}
