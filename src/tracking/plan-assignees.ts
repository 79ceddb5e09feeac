import { inlineCode } from '../report/render-issue-text.js';
import type { AssignRequest } from './issue-action.js';
import { teamKey, type TeamRosters } from './team-rosters.js';

/** GitHub keeps at most 10 assignees on an issue. https://docs.github.com/rest/issues/assignees#add-assignees-to-an-issue */
export const MAX_ASSIGNEES = 10;

/** Candidates handed to the adapter at most: it assigns the first who can be, up to the room left. */
export const MAX_CANDIDATES = 30;

export interface AssigneePlan {
  /** Whom to assign, or undefined when nobody can be. */
  assign?: AssignRequest;
  /** A line for the issue or comment text when not everyone named can be assigned; empty otherwise. */
  note: string;
}

/**
 * Whom to assign for `mentions` (`@login`, `@org/team`), because a team mention from an App may
 * notify nobody (README, "Who gets notified"): users named directly first, then each readable team's
 * members in GitHub's order; once each, leaving out who is assigned already and bots. GitHub keeps
 * 10 assignees at most: when more people are named than fit, the text says so.
 */
export function planAssignees(
  mentions: readonly string[],
  teams: TeamRosters | undefined,
  assigned: readonly string[] = [],
): AssigneePlan {
  const room = Math.max(MAX_ASSIGNEES - assigned.length, 0);
  const seen = new Set(assigned.map((login) => login.toLowerCase()));
  const logins: string[] = [];
  const add = (login: string) => {
    if (/\[bot\]$/i.test(login) || seen.has(login.toLowerCase())) return;
    seen.add(login.toLowerCase());
    logins.push(login);
  };
  mentions.filter((m) => teamKey(m) === undefined).forEach((m) => add(m.replace(/^@/, '')));
  const large: string[] = [];
  for (const mention of mentions) {
    const key = teamKey(mention);
    const roster = key === undefined ? undefined : teams?.get(key);
    if (roster === undefined || roster === 'unreadable') continue;
    roster.members.forEach(add);
    large.push(
      `${inlineCode(mention)} has ${roster.more ? `more than ${roster.members.length}` : roster.members.length} members`,
    );
  }
  const note =
    logins.length > room && large.length > 0
      ? `GitHub allows ${MAX_ASSIGNEES} assignees per issue${assigned.length ? ` (${assigned.length} assigned already)` : ''}: the first ${room} who can be assigned are; ${large.join(', ')}.`
      : '';
  if (room === 0 || logins.length === 0) return { note };
  return { assign: { logins: logins.slice(0, MAX_CANDIDATES), max: room }, note };
}
