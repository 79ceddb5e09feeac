import type { KeyDecision } from '../inventory/decision.js';
import { renderResolved, renderRotated } from '../report/render-issue-comment.js';
import { renderCommentMarker } from './comment-marker.js';
import type { CloseAction } from './issue-action.js';
import type { MarkedIssue } from './plan-context.js';
import type { TrackedKey } from './tracked-key.js';

/**
 * Closing an open issue whose problem the latest decisions no longer report. A rotation issue whose
 * secret's `updated_at` moved past the marker's says "rotated on …; next due …"; otherwise the
 * comment says the problem was fixed, is no longer due, or is no longer tracked.
 * `sameSecret` is the decision about the same secret and place, if any (an `ok` one, typically).
 */
export function planIssueClose({ issue, marker }: MarkedIssue, key: TrackedKey, sameSecret: KeyDecision | undefined, stillTracked: boolean): CloseAction {
  const view = { key };
  const rotatedAt = sameSecret?.item?.updatedAt;
  let text: string;
  let kind: 'rotated' | 'resolved' = 'resolved';
  if (key.problem === 'rotate' && rotatedAt && wasRotated(marker.updatedAt, rotatedAt)) {
    text = renderRotated(view, rotatedAt, sameSecret?.dueAt);
    kind = 'rotated';
  } else if (key.problem === 'rotate') {
    text = renderResolved(view, sameSecret ? 'not-due' : 'untracked');
  } else {
    text = renderResolved(view, stillTracked ? 'fixed' : 'untracked');
  }
  return {
    type: 'close',
    key: marker.key,
    issue: issue.number,
    reason: 'completed',
    comment: `${text}\n\n${renderCommentMarker({ key: marker.key, kind })}`,
  };
}

/** The secret's `updated_at` is later than the one the issue recorded. */
export function wasRotated(recorded: string | undefined, current: Date): boolean {
  return recorded !== undefined && current.getTime() > Date.parse(recorded);
}
