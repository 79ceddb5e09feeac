import type { InventoryItem } from './inventory.js';

/** What the policy says about one key secret at `now` (docs/ARCHITECTURE.md, "How a key issue flows"). */
export type KeyStatus = 'ok' | 'due-soon' | 'overdue' | 'shared-across-environments' | 'missing';

export type DecisionLevel = 'ok' | 'warning' | 'error';

export interface KeyDecision {
  kind: 'key';
  status: KeyStatus;
  level: DecisionLevel;
  secret: string;
  /**
   * The environment checked; absent for a copy shared by every environment (repo or org level) and
   * for a key the policy lists without environments (checked at repository or organisation level).
   */
  environment?: string;
  /** The secret the decision is about, when there is one (its scope and `updatedAt`). */
  item?: InventoryItem;
  /** `missing` in an environment only: the repository or organisation value its jobs fall back to. */
  fallback?: InventoryItem;
  /** `missing` only: the environment itself does not exist. */
  noEnvironment?: boolean;
  /** When the secret is due for rotation (`updatedAt` + `rotate-every`). */
  dueAt?: Date;
  /** The key's `owners` from the policy, for reminders. */
  owners: string[];
  /** One plain-text sentence saying what is wrong and what to do. */
  message: string;
}

/**
 * A production-like environment that any branch can deploy to without an approval. An error, as a
 * shared key is: any branch's job can read production's keys either way, and a deployment branch
 * policy is available on every plan that has environments.
 */
export interface EnvironmentDecision {
  kind: 'environment';
  status: 'unprotected';
  level: 'error';
  environment: string;
  message: string;
}

export type Decision = KeyDecision | EnvironmentDecision;
