import type { Config, KeyPolicy } from '../policy/config-schema.js';
import { rotationFor, rotationStatus } from '../policy/rotation.js';
import type { KeyDecision } from './decision.js';
import { sameName, type Inventory, type InventoryItem } from './inventory.js';

const day = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Judges every `keys:` entry that names environments: each environment must exist and hold its own
 * value, fresh enough for the key's rotation policy; a copy at repository or organisation level is
 * one value shared by every environment (and every job). Pure: `now` is a parameter.
 */
export function evaluateKeys(inventory: Inventory, config: Config, now: Date): KeyDecision[] {
  return config.keys
    .filter((key) => key.environments.length > 0)
    .flatMap((key) => [
      ...key.environments.map((environment) => evaluateInEnvironment(inventory, config, key, environment, now)),
      ...sharedCopies(inventory, key),
    ]);
}

function evaluateInEnvironment(inventory: Inventory, config: Config, key: KeyPolicy, environment: string, now: Date): KeyDecision {
  const base = { kind: 'key' as const, secret: key.secret, environment, owners: key.owners };
  if (!inventory.environments.some((env) => sameName(env.name, environment))) {
    return {
      ...base, status: 'missing', level: 'error', noEnvironment: true,
      message: `Environment ${environment} does not exist in ${inventory.repository}: create it and give it its own ${key.secret}.`,
    };
  }
  const own = findSecret(inventory, key.secret, 'environment', environment);
  if (!own) {
    const fallback = findSecret(inventory, key.secret, 'repo') ?? findSecret(inventory, key.secret, 'org');
    const fallsBack = fallback ? ` (its jobs get the ${scopeName(fallback)} value, shared with every other environment)` : '';
    return {
      ...base, status: 'missing', level: 'error', ...(fallback && { fallback }),
      message: `${key.secret} is not defined in environment ${environment}${fallsBack}: add an environment secret with a key made for ${environment}.`,
    };
  }
  const { status, dueAt } = rotationStatus(own.updatedAt, rotationFor(key, config), now);
  const rotated = `last rotated ${day(own.updatedAt)}`;
  const message = {
    ok: `${key.secret} in ${environment} is fresh (${rotated}, due ${day(dueAt)}).`,
    'due-soon': `${key.secret} in ${environment} is due for rotation on ${day(dueAt)} (${rotated}): make a new key, update the secret, then revoke the old key.`,
    overdue: `${key.secret} in ${environment} is overdue for rotation since ${day(dueAt)} (${rotated}): make a new key, update the secret, then revoke the old key.`,
  }[status];
  return { ...base, status, level: status === 'ok' ? 'ok' : status === 'due-soon' ? 'warning' : 'error', item: own, dueAt, message };
}

/** A per-environment key also defined at repository or organisation level. */
function sharedCopies(inventory: Inventory, key: KeyPolicy): KeyDecision[] {
  const copies = [findSecret(inventory, key.secret, 'repo'), findSecret(inventory, key.secret, 'org')].filter((s) => s !== undefined);
  return copies.map((item) => ({
    kind: 'key', status: 'shared-across-environments', level: 'error', secret: key.secret, item, owners: key.owners,
    message:
      `${key.secret} is also defined at ${scopeName(item)} level: one value that every job can read, whatever its environment. ` +
      `Delete it and keep one key per environment (${key.environments.join(', ')}).`,
  }));
}

function findSecret(inventory: Inventory, name: string, scope: InventoryItem['scope'], environment?: string): InventoryItem | undefined {
  return inventory.secrets.find(
    (s) => s.scope === scope && sameName(s.name, name) && (environment === undefined || (s.environment !== undefined && sameName(s.environment, environment))),
  );
}

function scopeName(item: InventoryItem): string {
  return item.scope === 'org' ? 'organisation' : item.scope === 'repo' ? 'repository' : item.scope;
}
