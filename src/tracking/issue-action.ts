// What the planner asks the adapter to do. Each action is one REST call (`close` is two: the
// comment, then the state change) and names the key it is for, so logs and dry-run output can say why.

/**
 * Whom to assign after an `open` or a `comment` (`POST …/issues/{n}/assignees`, which adds and
 * silently ignores who cannot be assigned): the first `max` of `logins` who can be.
 */
export interface AssignRequest {
  /** Candidates, best first. */
  logins: string[];
  /** Most to add (GitHub keeps 10 assignees at most, counting those already there). */
  max: number;
}

/** `POST /repos/{o}/{r}/issues`, then the assignees. */
export interface OpenIssueAction {
  type: 'open';
  key: string;
  title: string;
  body: string;
  labels: string[];
  assign?: AssignRequest;
}

/** `POST /repos/{o}/{r}/issues/{n}/comments`, then the assignees (an escalation's). */
export interface CommentAction {
  type: 'comment';
  key: string;
  issue: number;
  body: string;
  assign?: AssignRequest;
}

/** `POST …/labels` for `add`, `DELETE …/labels/{name}` for each of `remove`. */
export interface LabelAction {
  type: 'labels';
  key: string;
  issue: number;
  add: string[];
  remove: string[];
}

/** Comment (when there is one), then `PATCH …/issues/{n}` with `state: closed`. */
export interface CloseAction {
  type: 'close';
  key: string;
  issue: number;
  comment?: string;
  reason: 'completed' | 'not_planned';
}

/** `PATCH …/issues/{n}` with the new body: the marker replaced, the rest as it was. */
export interface UpdateBodyAction {
  type: 'update-body';
  key: string;
  issue: number;
  body: string;
}

export type IssueAction = OpenIssueAction | CommentAction | LabelAction | CloseAction | UpdateBodyAction;

/**
 * Actions that create content (an issue or a comment) — what GitHub's secondary limit counts
 * (≤ 80 a minute, ≤ 500 an hour) and what the per-sweep cap applies to
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 */
export function createsContent(action: IssueAction): boolean {
  return (
    action.type === 'open' || action.type === 'comment' || (action.type === 'close' && action.comment !== undefined)
  );
}
