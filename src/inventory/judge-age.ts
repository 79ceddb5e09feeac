import { rotationStatus, type Rotation } from '../policy/rotation.js';
import type { KeyDecision } from './decision.js';
import type { InventoryItem } from './inventory.js';

const day = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The rotation status of a secret that exists, with the sentence that says it (`where`: "in staging",
 * "at repository level"). Pure: `now` is a parameter.
 */
export function judgeAge(
  secret: string,
  rotation: Rotation,
  item: InventoryItem,
  where: string,
  now: Date,
): Pick<KeyDecision, 'status' | 'level' | 'item' | 'dueAt' | 'message'> {
  const { status, dueAt } = rotationStatus(item.updatedAt, rotation, now);
  const rotated = `last rotated ${day(item.updatedAt)}`;
  const message = {
    ok: `${secret} ${where} is fresh (${rotated}, due ${day(dueAt)}).`,
    'due-soon': `${secret} ${where} is due for rotation on ${day(dueAt)} (${rotated}): make a new key, update the secret, then revoke the old key.`,
    overdue: `${secret} ${where} is overdue for rotation since ${day(dueAt)} (${rotated}): make a new key, update the secret, then revoke the old key.`,
  }[status];
  return { status, level: status === 'ok' ? 'ok' : status === 'due-soon' ? 'warning' : 'error', item, dueAt, message };
}

/** The scope in words: "organisation", "repository", "environment", "Dependabot". */
export function scopeName(item: InventoryItem): string {
  return { org: 'organisation', repo: 'repository', environment: 'environment', dependabot: 'Dependabot' }[item.scope];
}

/** Where a secret lives, as the decision's sentence says it: "in staging", "at repository level". */
export function placeOf(item: InventoryItem): string {
  return item.scope === 'environment' ? `in ${item.environment ?? 'its environment'}` : `at ${scopeName(item)} level`;
}
