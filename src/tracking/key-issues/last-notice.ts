import { parseCommentMarker } from '../comment-marker.js';
import { ESCALATED_LABEL } from '../issue-labels.js';
import type { KeyMarker } from '../key-marker.js';
import type { TrackedIssue } from '../tracked-issue.js';
import type { TrackedState } from '../tracked-key.js';

/** The bot's latest word to the owners about a key: when, and what the key's state was then. */
export interface Notice {
  at: Date;
  state?: TrackedState;
}

/**
 * The latest of: the marker's last reminder, the bot's own reminder and escalation comments on
 * the issue (they count even when the marker was never updated after them — a crash, two sweeps
 * at once), and the issue's opening. Comments by anyone else never count.
 */
export function lastNotice(issue: TrackedIssue, marker: KeyMarker, botLogin: string): Notice {
  const notices: Notice[] = [];
  if (marker.lastReminderAt)
    notices.push({ at: new Date(marker.lastReminderAt), ...(marker.state && { state: marker.state }) });
  for (const comment of issue.comments) {
    if (!sameLogin(comment.author, botLogin)) continue;
    const note = parseCommentMarker(comment.body);
    if (note?.key !== marker.key || (note.kind !== 'reminder' && note.kind !== 'escalation')) continue;
    const at = new Date(comment.createdAt);
    if (!Number.isNaN(at.getTime())) notices.push({ at, ...(note.state && { state: note.state }) });
  }
  if (notices.length === 0) {
    const opened = issue.createdAt ? new Date(issue.createdAt) : new Date(0);
    return { at: Number.isNaN(opened.getTime()) ? new Date(0) : opened, ...(marker.state && { state: marker.state }) };
  }
  return notices.reduce((a, b) => (b.at.getTime() >= a.at.getTime() ? b : a));
}

/** Whether the bot has escalated this issue already (marker, label or its own comment). */
export function alreadyEscalated(issue: TrackedIssue, marker: KeyMarker, botLogin: string): boolean {
  if (marker.escalated) return true;
  if (issue.labels.some((l) => l.toLowerCase() === ESCALATED_LABEL)) return true;
  return issue.comments.some((c) => sameLogin(c.author, botLogin) && isEscalation(c.body, marker.key));
}

function isEscalation(body: string, key: string): boolean {
  const note = parseCommentMarker(body);
  return note?.kind === 'escalation' && note.key === key;
}

/** GitHub logins compare without case; `app[bot]` and `app` are the same app. */
export function sameLogin(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/^@/, '')
      .replace(/\[bot\]$/, '');
  return norm(a) === norm(b);
}
