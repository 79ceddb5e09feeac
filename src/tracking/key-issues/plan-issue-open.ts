import { renderIssueBody } from './render-issue-body.js';
import { renderIssueTitle } from './render-issue-title.js';
import type { OpenIssueAction } from '../issue-action.js';
import { labelsFor } from '../issue-labels.js';
import { markerIdentity, renderKeyMarker, type KeyMarker } from '../key-marker.js';
import { planAssignees } from '../plan-assignees.js';
import { keyDates, type CurrentProblem, type PlanInput } from './plan-context.js';

/**
 * A new issue for a key problem. The opening counts as the first reminder, so the next one comes
 * a full cadence later; escalation, if already due, comes with the next sweep. The owners are
 * assigned as well as mentioned: a team mention from an App may notify nobody.
 */
export function planIssueOpen(problem: CurrentProblem, input: PlanInput): OpenIssueAction {
  const { view, id } = problem;
  const decision = keyDates(problem.decision);
  const now = input.now.toISOString();
  const marker: KeyMarker = {
    key: id,
    ...markerIdentity(view.key),
    state: view.state,
    ...(decision.item && { updatedAt: decision.item.updatedAt.toISOString() }),
    ...(decision.dueAt && { dueAt: decision.dueAt.toISOString() }),
    since: now,
    lastReminderAt: now,
  };
  const { assign, note } = planAssignees(view.owners, input.teams);
  return {
    type: 'open',
    key: id,
    title: renderIssueTitle(view),
    body: renderIssueBody(view, {
      marker: renderKeyMarker(marker),
      maxSnooze: input.policy['max-snooze'],
      now: input.now,
      ...(note && { ownersNote: note }),
    }),
    labels: labelsFor(view.state, false),
    ...(assign && { assign }),
  };
}
