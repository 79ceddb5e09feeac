import type { OpenIssueAction } from '../issue-action.js';
import { planAssignees } from '../plan-assignees.js';
import type { TeamRosters } from '../team-rosters.js';

const CHECKLIST = '\n\n## Checklist';

/**
 * An incident as it opens with its owners (`@login`, `@org/team`, trusted: CODEOWNERS or the
 * admins): named above the checklist, and assigned — team mentions through their members, since a
 * team mention from an App may notify nobody. Without owners the incident is left as planned.
 */
export function withIncidentOwners(
  action: OpenIssueAction,
  owners: readonly string[],
  teams: TeamRosters | undefined,
): OpenIssueAction {
  if (owners.length === 0) return action;
  const { assign, note } = planAssignees(owners, teams);
  const line = `Owners: ${owners.join(' ')}${note ? `\n\n${note}` : ''}`;
  const at = action.body.indexOf(CHECKLIST);
  const body = at < 0 ? action.body : `${action.body.slice(0, at)}\n\n${line}${action.body.slice(at)}`;
  return { ...action, body, ...(assign && { assign }) };
}
