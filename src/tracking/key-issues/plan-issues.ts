import type { EnvironmentDecision, KeyDecision } from '../../inventory/decision.js';
import { sameName, type SecretScope } from '../../inventory/inventory.js';
import { capActions, type ActionGroup, type CappedActions } from '../cap-actions.js';
import type { IssueAction } from '../issue-action.js';
import { keyId, trackedKeyFromId } from './key-id.js';
import { environmentIssueViewOf, keyIssueViewOf } from './key-issue-view.js';
import { keyMarkerOf } from '../issue-kind.js';
import { sameLogin } from './last-notice.js';
import type { CurrentProblem, MarkedIssue, PlanInput } from './plan-context.js';
import { planEnvironmentClose, planIssueClose, wasRotated } from './plan-issue-close.js';
import { planIssueOpen } from './plan-issue-open.js';
import { planIssueUpdate } from './plan-issue-update.js';
import { planDuplicateClose } from './plan-twin-close.js';
import { trackedKeyOf, type TrackedProblem } from '../tracked-key.js';

/** Planned actions, and the ones the cap left for the next sweep. */
export type IssuePlan = CappedActions;

const PRIORITY = { close: 0, overdue: 1, missing: 2, shared: 2, unprotected: 2, 'due-soon': 3 } as const;

/**
 * Everything the bot should do to its key issues in one repository, given the decisions at `now`.
 * Pure and idempotent: applying the plan and planning again with the same decisions gives nothing.
 *
 * - One open issue per key, matched by the hidden marker, never by title; duplicates are closed,
 *   the oldest kept. A production-like environment without protection is tracked the same way, as
 *   an `unprotected` problem of the environment, and closed once it is protected, renamed or gone.
 * - A problem with no open issue gets one, unless some issue for the key records an exemption.
 * - An open issue is reminded, escalated, relabelled ({@link planIssueUpdate}); a rotation issue
 *   whose secret was rotated, or whose problem is gone, is closed ({@link planIssueClose}).
 */
export function planIssues(input: PlanInput): IssuePlan {
  const decisions = input.decisions.filter((d): d is KeyDecision => d.kind === 'key');
  const environments = input.decisions.filter((d): d is EnvironmentDecision => d.kind === 'environment');
  const problems = currentProblems(decisions, environments, input);
  const byKey = groupByKey(input);
  const groups: ActionGroup[] = [];

  for (const [id, marked] of byKey) {
    const open = marked.filter((m) => m.issue.state === 'open').sort((a, b) => a.issue.number - b.issue.number);
    const [kept, ...duplicates] = open;
    for (const dup of duplicates)
      groups.push({ priority: PRIORITY.close, actions: [closeDuplicate(dup, kept!.issue.number)] });
    const exempt = marked.some((m) => m.marker.exemption !== undefined);
    const problem = problems.get(id);
    if (!kept) continue;
    if (exempt) {
      groups.push({
        priority: PRIORITY.close,
        actions: [{ type: 'close', key: id, issue: kept.issue.number, reason: 'not_planned' }],
      });
      continue;
    }
    const key = trackedKeyFromId(id, {
      ...(kept.marker.secret && { secret: kept.marker.secret }),
      ...(kept.marker.environment && { environment: kept.marker.environment }),
    });
    if (!key || (input.skippedScopes?.includes(key.scope) && !protectionsRead(key.problem, input))) continue;
    const item = problem?.decision.kind === 'key' ? problem.decision.item : undefined;
    const rotated = item && key.problem === 'rotate' && wasRotated(kept.marker.updatedAt, item.updatedAt);
    if (problem && !rotated) {
      groups.push({ priority: PRIORITY[problem.view.state], actions: planIssueUpdate(kept, problem, input) });
      continue;
    }
    if (key.problem === 'unprotected') {
      groups.push({ priority: PRIORITY.close, actions: [planEnvironmentClose(kept, key, input)] });
      continue;
    }
    // For a rotation issue, the `ok` decision about the same secret and place says when it was rotated.
    const sameSecret = decisions.find((d) => keyId(trackedKeyOf(input.repository, d)) === id);
    const stillTracked = decisions.some((d) => sameName(d.secret, key.secret));
    groups.push({
      priority: PRIORITY.close,
      actions: [planIssueClose(kept, { ...key, repository: input.repository }, sameSecret, stillTracked)],
    });
    if (problem)
      byKey.set(
        id,
        marked.filter((m) => m !== kept),
      );
  }

  for (const [id, problem] of problems) {
    if (unreadable(problem, input.skippedScopes ?? [], input)) continue;
    const marked = byKey.get(id) ?? [];
    if (marked.some((m) => m.marker.exemption !== undefined)) continue;
    if (marked.some((m) => m.issue.state === 'open')) continue;
    groups.push({ priority: PRIORITY[problem.view.state], actions: [planIssueOpen(problem, input)] });
  }
  return capActions(groups, input.maxContent);
}

/**
 * A problem the sweep cannot vouch for, because it rests on a scope it could not read (403/404): a
 * key in that scope, or — environments unread — a key "missing" from an environment or "shared" by
 * them. No issue opens for it ("Create environment staging…" for every key of every repository,
 * the day a permission is withdrawn); one already open is left as it is (above).
 */
function unreadable(problem: CurrentProblem, skipped: readonly SecretScope[], input: PlanInput): boolean {
  if (problem.decision.kind === 'environment')
    return skipped.includes('environment') && !protectionsRead('unprotected', input);
  if (skipped.includes(problem.view.key.scope)) return true;
  const status = problem.decision.status;
  return (
    skipped.includes('environment') &&
    (problem.decision.environment !== undefined || status === 'missing' || status === 'shared-across-environments')
  );
}

/**
 * An environment's protection comes with the list of environments: when the sweep read the list
 * (`environments` given), an unreadable environment's secrets do not make its protection unknown.
 */
function protectionsRead(problem: TrackedProblem, input: PlanInput): boolean {
  return problem === 'unprotected' && input.environments !== undefined;
}

/** The problems the decisions report, by key id (the first decision wins if two name the same key). */
function currentProblems(
  decisions: KeyDecision[],
  environments: EnvironmentDecision[],
  input: PlanInput,
): Map<string, CurrentProblem> {
  const problems = new Map<string, CurrentProblem>();
  for (const decision of decisions) {
    const view = keyIssueViewOf(input.repository, decision, input.policy, input.owners);
    if (!view) continue;
    const id = keyId(view.key);
    if (!problems.has(id)) problems.set(id, { id, decision, view });
  }
  for (const decision of environments) {
    const view = environmentIssueViewOf(input.repository, decision, input.policy, input.owners);
    const id = keyId(view.key);
    if (!problems.has(id)) problems.set(id, { id, decision, view });
  }
  return problems;
}

/**
 * The bot's own issues that carry a key marker of this plan's `repository`, grouped by key id. An
 * organisation's secrets are tracked in one of its repositories (`org-secrets-repo`) under ids of
 * the organisation: the repository's own plan leaves those issues to the organisation's, and back.
 */
function groupByKey(input: PlanInput): Map<string, MarkedIssue[]> {
  const byKey = new Map<string, MarkedIssue[]>();
  for (const issue of input.issues) {
    if (issue.author !== undefined && !sameLogin(issue.author, input.botLogin)) continue;
    const marker = keyMarkerOf(issue);
    if (!marker) continue;
    const repository = trackedKeyFromId(marker.key)?.repository;
    if (repository !== undefined && repository !== input.repository.toLowerCase()) continue;
    byKey.set(marker.key, [...(byKey.get(marker.key) ?? []), { issue, marker }]);
  }
  return byKey;
}

function closeDuplicate(dup: MarkedIssue, original: number): IssueAction {
  return planDuplicateClose(dup.marker.key, dup.issue.number, original);
}
