import { renderEscalation, renderReminder } from './render-issue-comment.js';
import { renderCommentMarker } from '../comment-marker.js';
import type { AssignRequest, IssueAction } from '../issue-action.js';
import { labelChanges, labelsFor } from '../issue-labels.js';
import { sameKeyMarker, replaceKeyMarker, type KeyMarker } from '../key-marker.js';
import { alreadyEscalated, lastNotice } from './last-notice.js';
import { planAssignees } from '../plan-assignees.js';
import { keyDates, policyMs, type CurrentProblem, type MarkedIssue, type PlanInput } from './plan-context.js';
import { toMention } from '../resolve-owners.js';

const DAY = 86_400_000;

/**
 * The actions that bring one open key issue up to date with its current problem: at most one
 * comment (the escalation, once, after `escalate-after`; else a reminder when the cadence says so
 * — immediately when the key has just turned overdue), the labels for its state, and the marker
 * that records it all. Snoozed keys get neither reminders nor escalation until the snooze ends.
 */
export function planIssueUpdate(
  { issue, marker }: MarkedIssue,
  problem: CurrentProblem,
  input: PlanInput,
): IssueAction[] {
  const { now, policy, botLogin } = input;
  const { view } = problem;
  const decision = keyDates(problem.decision);
  const snoozed = marker.snooze !== undefined && Date.parse(marker.snooze.until) > now.getTime();
  const escalated = alreadyEscalated(issue, marker, botLogin);
  const since = marker.since ?? issue.createdAt ?? now.toISOString();
  const next: KeyMarker = {
    ...marker,
    state: view.state,
    ...(decision.item && { updatedAt: decision.item.updatedAt.toISOString() }),
    ...(decision.dueAt && { dueAt: decision.dueAt.toISOString() }),
    since,
    ...(escalated && { escalated: true }),
  };
  if (!snoozed) delete next.snooze;

  const actions: IssueAction[] = [];
  const comment = (body: string, kind: 'reminder' | 'escalation', assign?: AssignRequest) => {
    actions.push({
      type: 'comment',
      key: problem.id,
      issue: issue.number,
      body: `${body}\n\n${renderCommentMarker({ key: problem.id, kind, state: view.state })}`,
      ...(assign && { assign }),
    });
    next.lastReminderAt = now.toISOString();
  };

  // Escalation counts from the due date for rotations, from the issue's opening for shared/missing keys.
  const troubleSince =
    view.state === 'overdue' ? decision.dueAt : view.state === 'due-soon' ? undefined : new Date(since);
  const escalateAfter = policyMs(policy['escalate-after'], 14 * DAY);
  if (!snoozed && !escalated && troubleSince && now.getTime() - troubleSince.getTime() >= escalateAfter) {
    // The escalation's targets are assigned too, beside whoever is already — and the owners when
    // nobody is (a team mention from an App may notify nobody).
    const to = mentions(policy['escalate-to']);
    const { assign, note } = planAssignees(
      issue.assignees?.length === 0 ? [...to, ...view.owners] : to,
      input.teams,
      issue.assignees,
    );
    comment(`${renderEscalation(view, to, now, troubleSince)}${note ? `\n\n${note}` : ''}`, 'escalation', assign);
    next.escalated = true;
  } else if (!snoozed && reminderDue(issue, marker, view.state, input)) {
    // An issue nobody is assigned to (opened before owners were assigned, or everyone unassigned
    // since) gets its owners assigned with the reminder, which mentions them anyway.
    const { assign, note } = issue.assignees?.length === 0 ? planAssignees(view.owners, input.teams) : { note: '' };
    comment(`${renderReminder(view, now)}${note ? `\n\n${note}` : ''}`, 'reminder', assign);
  }

  const { add, remove } = labelChanges(issue.labels, labelsFor(view.state, next.escalated === true));
  if (add.length || remove.length) actions.push({ type: 'labels', key: problem.id, issue: issue.number, add, remove });
  if (!sameKeyMarker(marker, next))
    actions.push({
      type: 'update-body',
      key: problem.id,
      issue: issue.number,
      body: replaceKeyMarker(issue.body, next),
    });
  return actions;
}

/** Due-soon keys every `reminders.due-soon`; overdue, shared and missing keys every `reminders.overdue`. */
function reminderDue(
  issue: MarkedIssue['issue'],
  marker: KeyMarker,
  state: CurrentProblem['view']['state'],
  input: PlanInput,
): boolean {
  const notice = lastNotice(issue, marker, input.botLogin);
  // The key just turned overdue: say so now. (Unknown earlier state — a repaired marker — waits for the cadence.)
  if (state === 'overdue' && notice.state === 'due-soon') return true;
  const cadence =
    state === 'due-soon'
      ? policyMs(input.policy.reminders['due-soon'], 7 * DAY)
      : policyMs(input.policy.reminders.overdue, 3 * DAY);
  return input.now.getTime() - notice.at.getTime() >= cadence;
}

/** `escalate-to` as mentions: only what looks like a login or an `org/team` slug ({@link toMention}); anything else is dropped, never written raw. */
function mentions(names: string[]): string[] {
  return names.map(toMention).filter((m): m is string => m !== undefined);
}
