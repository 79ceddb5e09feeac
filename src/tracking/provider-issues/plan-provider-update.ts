import type { AuditProblem } from '../../audit/provider-admin.js';
import { renderCommentMarker } from '../comment-marker.js';
import type { AssignRequest, IssueAction } from '../issue-action.js';
import { ESCALATED_LABEL, labelChanges, TRACKING_LABEL } from '../issue-labels.js';
import { replaceKeyMarker, sameKeyMarker, type KeyMarker } from '../key-marker.js';
import { alreadyEscalated, lastNotice } from '../key-issues/last-notice.js';
import { policyMs } from '../key-issues/plan-context.js';
import { planAssignees } from '../plan-assignees.js';
import { toMention } from '../resolve-owners.js';
import type { TrackedIssue } from '../tracked-issue.js';
import type { ProviderPlanInput } from './provider-plan-input.js';
import type { ProviderIssueKey } from './provider-issue-id.js';
import { renderProviderEscalation, renderProviderReminder } from './render-provider-comment.js';
import { PROBLEM_LABELS } from './render-provider-issue.js';

/** Every provider issue carries it besides `key-hygiene`. */
export const PROVIDER_LABEL = 'provider-key';

const DAY = 86_400_000;

/** One of the bot's provider issues, its marker and the key problem its id names. */
export interface MarkedProviderIssue {
  issue: TrackedIssue;
  marker: KeyMarker;
  key: ProviderIssueKey;
}

/** The labels a provider issue carries. */
export function providerLabels(problem: AuditProblem, escalated: boolean): string[] {
  return [TRACKING_LABEL, PROVIDER_LABEL, PROBLEM_LABELS[problem], ...(escalated ? [ESCALATED_LABEL] : [])];
}

/**
 * An open issue whose problem the provider still reports: at most one comment (the escalation,
 * once; else a reminder when the cadence says so), its labels, and the marker that records it.
 */
export function planProviderUpdate(
  { issue, marker, key }: MarkedProviderIssue,
  input: ProviderPlanInput,
): IssueAction[] {
  const { now, policy, botLogin } = input;
  const id = marker.key;
  const snoozed = marker.snooze !== undefined && Date.parse(marker.snooze.until) > now.getTime();
  const escalated = alreadyEscalated(issue, marker, botLogin);
  const since = marker.since ?? issue.createdAt ?? now.toISOString();
  const next: KeyMarker = { ...marker, since, ...(escalated && { escalated: true }) };
  if (!snoozed) delete next.snooze;
  const actions: IssueAction[] = [];
  const comment = (body: string, kind: 'reminder' | 'escalation', assign?: AssignRequest) => {
    actions.push({
      type: 'comment',
      key: id,
      issue: issue.number,
      body: `${body}\n\n${renderCommentMarker({ key: id, kind })}`,
      ...(assign && { assign }),
    });
    next.lastReminderAt = now.toISOString();
  };
  const sinceAt = new Date(since);
  const escalateAfter = policyMs(policy['escalate-after'], 14 * DAY);
  const cadence = policyMs(policy.reminders.overdue, 3 * DAY);
  if (!snoozed && !escalated && now.getTime() - sinceAt.getTime() >= escalateAfter) {
    const to = policy['escalate-to'].map(toMention).filter((m): m is string => m !== undefined);
    const { assign, note } = planAssignees(
      issue.assignees?.length === 0 ? [...to, ...input.owners] : to,
      input.teams,
      issue.assignees,
    );
    const text = renderProviderEscalation(key, to, input.owners, now, sinceAt);
    comment(`${text}${note ? `\n\n${note}` : ''}`, 'escalation', assign);
    next.escalated = true;
  } else if (!snoozed && now.getTime() - lastNotice(issue, marker, botLogin).at.getTime() >= cadence) {
    const { assign, note } =
      issue.assignees?.length === 0 ? planAssignees(input.owners, input.teams) : { assign: undefined, note: '' };
    comment(`${renderProviderReminder(key, input.owners)}${note ? `\n\n${note}` : ''}`, 'reminder', assign);
  }
  const { add, remove } = labelChanges(issue.labels, providerLabels(key.problem, next.escalated === true));
  if (add.length || remove.length) actions.push({ type: 'labels', key: id, issue: issue.number, add, remove });
  if (!sameKeyMarker(marker, next))
    actions.push({ type: 'update-body', key: id, issue: issue.number, body: replaceKeyMarker(issue.body, next) });
  return actions;
}
