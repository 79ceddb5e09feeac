import type { KeyDecision } from '../../inventory/decision.js';
import { sameName } from '../../inventory/inventory.js';
import { compileConfigRegex } from '../../policy/config-regex.js';
import { renderEnvironmentResolved, renderResolved, renderRotated } from './render-issue-comment.js';
import { renderCommentMarker } from '../comment-marker.js';
import type { CloseAction } from '../issue-action.js';
import type { MarkedIssue, PlanInput } from './plan-context.js';
import type { TrackedKey } from '../tracked-key.js';

/**
 * Closing an open issue whose problem the latest decisions no longer report. A rotation issue whose
 * secret's `updated_at` moved past the marker's says "rotated on …; next due …"; otherwise the
 * comment says the problem was fixed, is no longer due, or is no longer tracked.
 * `sameSecret` is the decision about the same secret and place, if any (an `ok` one, typically).
 */
export function planIssueClose(
  { issue, marker }: MarkedIssue,
  key: TrackedKey,
  sameSecret: KeyDecision | undefined,
  stillTracked: boolean,
): CloseAction {
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

/**
 * Closing the open issue of a production-like environment that the latest decisions no longer call
 * unprotected: it has a deployment branch policy or required reviewers now, or it is gone (deleted
 * or renamed), or the policy's `production-environments` no longer matches it. The comment says
 * which when the sweep read the environments; otherwise only that the sweep no longer sees it.
 */
export function planEnvironmentClose(
  { issue, marker }: MarkedIssue,
  key: TrackedKey,
  input: Pick<PlanInput, 'environments' | 'policy'>,
): CloseAction {
  const environment = key.environment ?? '';
  const exists = input.environments?.some((name) => sameName(name, environment));
  const why =
    input.environments === undefined
      ? 'fixed'
      : !exists
        ? 'gone'
        : compileConfigRegex(input.policy['production-environments'], { ignoreCase: true }).test(environment)
          ? 'protected'
          : 'not-production';
  return {
    type: 'close',
    key: marker.key,
    issue: issue.number,
    reason: 'completed',
    comment: `${renderEnvironmentResolved(environment, why)}\n\n${renderCommentMarker({ key: marker.key, kind: 'resolved' })}`,
  };
}
