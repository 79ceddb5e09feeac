import type { EnvironmentDecision, KeyDecision } from '../../inventory/decision.js';
import { sameName, type SecretScope } from '../../inventory/inventory.js';
import type { Config } from '../../policy/config-schema.js';
import { rotationFor } from '../../policy/rotation.js';
import { resolveOwners, type OwnerSources } from '../resolve-owners.js';
import {
  trackedKeyOf,
  trackedStateOf,
  unprotectedEnvironmentKey,
  type TrackedKey,
  type TrackedState,
} from '../tracked-key.js';

/** What the issue renderers need to know about one key problem: names and dates, never a value. */
export interface KeyIssueView {
  key: TrackedKey;
  state: TrackedState;
  /** The policy's `provider` for the key (`openai`, …), for provider-specific steps. */
  provider?: string;
  /** The secret's `updated_at`. */
  lastRotated?: Date;
  dueAt?: Date;
  /** The policy's `rotate-every`, e.g. `90d`. */
  rotateEvery: string;
  /** Environments the policy says must each hold their own value. */
  environments: string[];
  /** `missing` only: the environment does not exist at all. */
  noEnvironment?: boolean;
  /** `missing` only: where the environment's jobs get a value from instead. */
  fallbackScope?: SecretScope;
  /** `@login` / `@org/team` mentions. */
  owners: string[];
}

/** The renderers' view of a decision that needs an issue; undefined for an `ok` one. */
export function keyIssueViewOf(
  repository: string,
  decision: KeyDecision,
  policy: Config,
  owners: OwnerSources = {},
): KeyIssueView | undefined {
  const state = trackedStateOf(decision);
  if (!state) return undefined;
  const keyPolicy = policy.keys.find((k) => sameName(k.secret, decision.secret));
  return {
    key: trackedKeyOf(repository, decision),
    state,
    ...(keyPolicy?.provider !== undefined && { provider: keyPolicy.provider }),
    ...(decision.item && { lastRotated: decision.item.updatedAt }),
    ...(decision.dueAt && { dueAt: decision.dueAt }),
    rotateEvery: keyPolicy?.['rotate-every'] ?? policy['rotate-every'],
    environments: keyPolicy?.environments ?? [],
    ...(decision.noEnvironment && { noEnvironment: true }),
    ...(decision.fallback && { fallbackScope: decision.fallback.scope }),
    owners: resolveOwners(decision.owners, owners),
  };
}

/**
 * The renderers' view of a production-like environment without protection. The policy names owners
 * per key, not per environment: CODEOWNERS, else the admins, are mentioned and assigned — the
 * people who can change the repository's settings.
 */
export function environmentIssueViewOf(
  repository: string,
  decision: EnvironmentDecision,
  policy: Config,
  owners: OwnerSources = {},
): KeyIssueView {
  return {
    key: unprotectedEnvironmentKey(repository, decision.environment),
    state: 'unprotected',
    rotateEvery: policy['rotate-every'],
    environments: [decision.environment],
    owners: resolveOwners([], owners),
  };
}

/** Milliseconds of the key's rotation period (for "next due" after a rotation). */
export function rotationPeriodMs(secret: string, policy: Config): number {
  return rotationFor(
    policy.keys.find((k) => sameName(k.secret, secret)),
    policy,
  ).everyMs;
}
