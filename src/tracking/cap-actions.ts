import { createsContent, type IssueAction } from './issue-action.js';

/** The actions for one key that must be applied together (a comment and the marker that records it). */
export interface ActionGroup {
  /** Lower goes first: closes, then overdue, then shared/missing, then due-soon. */
  priority: number;
  actions: IssueAction[];
}

export interface CappedActions {
  actions: IssueAction[];
  /** Groups left for the next sweep because the cap was reached, in the order they would have run. */
  deferred: IssueAction[];
}

/**
 * Keeps the groups whose content-creating actions fit in `cap` (issues and comments per sweep:
 * GitHub's secondary limit is 80 a minute and 500 an hour), most urgent first.
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 * A group is kept or deferred whole, so a marker never records a reminder that was not posted.
 * Groups that create nothing (label and marker updates) are always kept.
 */
export function capActions(groups: readonly ActionGroup[], cap = Number.POSITIVE_INFINITY): CappedActions {
  const ordered = groups.map((g, i) => ({ g, i })).sort((a, b) => a.g.priority - b.g.priority || a.i - b.i);
  const actions: IssueAction[] = [];
  const deferred: IssueAction[] = [];
  let used = 0;
  for (const { g } of ordered) {
    const cost = g.actions.filter(createsContent).length;
    if (cost > 0 && used + cost > cap) {
      deferred.push(...g.actions);
      continue;
    }
    used += cost;
    actions.push(...g.actions);
  }
  return { actions, deferred };
}
