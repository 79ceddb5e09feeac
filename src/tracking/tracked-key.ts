import type { KeyDecision } from '../inventory/decision.js';
import type { SecretScope } from '../inventory/inventory.js';

/**
 * The kind of problem an issue tracks. A key that goes from due soon to overdue stays one
 * `rotate` problem (one issue, relabelled); a shared copy and a missing environment value are
 * problems of their own, each with its own issue. `unprotected` is about an environment rather than
 * a key: a production-like environment any branch can deploy to, so any branch's job can read its
 * keys — tracked with the same marker, reminders and escalation as a shared key.
 */
export type TrackedProblem = 'rotate' | 'shared' | 'missing' | 'unprotected';

/** What the issue currently says about its key: the decision's status, in the words. */
export type TrackedState = 'due-soon' | 'overdue' | 'shared' | 'missing' | 'unprotected';

/** Every state, for parsers of markers that people can edit. */
export const TRACKED_STATES: readonly TrackedState[] = ['due-soon', 'overdue', 'shared', 'missing', 'unprotected'];

/** The secret name an environment's own problem carries in its id: no secret name can be `*`. */
export const WHOLE_ENVIRONMENT = '*';

/** Everything that names one tracked key problem, with no dates in it (dates change, the identity must not). */
export interface TrackedKey {
  /** `owner/name` of the repository the issue lives in. */
  repository: string;
  scope: SecretScope;
  /** Set for environment secrets and for a missing environment value. */
  environment?: string;
  /** The secret's name as the policy spells it. */
  secret: string;
  problem: TrackedProblem;
}

/** The decision's problem, or undefined when the decision needs no issue (ok). */
export function trackedStateOf(decision: KeyDecision): TrackedState | undefined {
  switch (decision.status) {
    case 'due-soon':
    case 'overdue':
    case 'missing':
      return decision.status;
    case 'shared-across-environments':
      return 'shared';
    default:
      return undefined;
  }
}

/** The problem an issue state belongs to. */
export function problemOf(state: TrackedState): TrackedProblem {
  return state === 'due-soon' || state === 'overdue' ? 'rotate' : state;
}

/** The tracked problem of a production-like environment without protection (`unprotected` decision). */
export function unprotectedEnvironmentKey(repository: string, environment: string): TrackedKey {
  return { repository, scope: 'environment', environment, secret: WHOLE_ENVIRONMENT, problem: 'unprotected' };
}

/**
 * The tracked key a decision is about. An `ok` decision maps to the `rotate` problem of the same
 * secret, so an open rotation issue can find the decision that closes it.
 */
export function trackedKeyOf(repository: string, decision: KeyDecision): TrackedKey {
  const state = trackedStateOf(decision);
  const problem = state ? problemOf(state) : 'rotate';
  const environment = problem === 'shared' ? undefined : (decision.environment ?? decision.item?.environment);
  // A key missing everywhere has no item: an environment's own value, or a repository-level key (no environment).
  const scope = decision.item?.scope ?? (environment === undefined ? 'repo' : 'environment');
  return { repository, scope, ...(environment !== undefined && { environment }), secret: decision.secret, problem };
}
