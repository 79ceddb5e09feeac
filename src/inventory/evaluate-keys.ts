import type { Config, KeyPolicy } from '../policy/config-schema.js';
import { rotationFor } from '../policy/rotation.js';
import type { KeyDecision } from './decision.js';
import { sameName, type Inventory, type InventoryItem } from './inventory.js';
import { judgeAge, scopeName } from './judge-age.js';

/**
 * Judges every `keys:` entry. One that names environments: each environment must exist and hold its
 * own value, fresh enough for the key's rotation policy; a copy at repository or organisation level
 * is one value shared by every environment (and every job). One without environments is a
 * repository-level key: a repository secret, or an organisation one visible to the repository, must
 * hold it, fresh enough. Pure: `now` is a parameter.
 */
export function evaluateKeys(inventory: Inventory, config: Config, now: Date): KeyDecision[] {
  return config.keys.flatMap((key) =>
    key.environments.length === 0
      ? [evaluateRepositoryLevel(inventory, config, key, now)]
      : [
          ...key.environments.map((environment) => evaluateInEnvironment(inventory, config, key, environment, now)),
          ...sharedCopies(inventory, key),
        ],
  );
}

function evaluateInEnvironment(
  inventory: Inventory,
  config: Config,
  key: KeyPolicy,
  environment: string,
  now: Date,
): KeyDecision {
  const base = { kind: 'key' as const, secret: key.secret, environment, owners: key.owners };
  if (!inventory.environments.some((env) => sameName(env.name, environment))) {
    return {
      ...base,
      status: 'missing',
      level: 'error',
      noEnvironment: true,
      message: `Environment ${environment} does not exist in ${inventory.repository}: create it and give it its own ${key.secret}.`,
    };
  }
  const own = findSecret(inventory, key.secret, 'environment', environment);
  if (!own) {
    const fallback = findSecret(inventory, key.secret, 'repo') ?? findSecret(inventory, key.secret, 'org');
    const fallsBack = fallback
      ? ` (its jobs get the ${scopeName(fallback)} value, shared with every other environment)`
      : '';
    return {
      ...base,
      status: 'missing',
      level: 'error',
      ...(fallback && { fallback }),
      message: `${key.secret} is not defined in environment ${environment}${fallsBack}: add an environment secret with a key made for ${environment}.`,
    };
  }
  return { ...base, ...judgeAge(key.secret, rotationFor(key, config), own, `in ${environment}`, now) };
}

/**
 * A key the policy lists without environments: the repository secret, else the organisation one
 * (a job sees the repository's first when both exist).
 */
function evaluateRepositoryLevel(inventory: Inventory, config: Config, key: KeyPolicy, now: Date): KeyDecision {
  const base = { kind: 'key' as const, secret: key.secret, owners: key.owners };
  const item = findSecret(inventory, key.secret, 'repo') ?? findSecret(inventory, key.secret, 'org');
  if (!item) {
    return {
      ...base,
      status: 'missing',
      level: 'error',
      message:
        `${key.secret} is defined neither as a repository secret of ${inventory.repository} nor as an organisation secret visible to it: ` +
        "add it, or remove it from the policy's keys.",
    };
  }
  return { ...base, ...judgeAge(key.secret, rotationFor(key, config), item, `at ${scopeName(item)} level`, now) };
}

/** A per-environment key also defined at repository or organisation level. */
function sharedCopies(inventory: Inventory, key: KeyPolicy): KeyDecision[] {
  const copies = [findSecret(inventory, key.secret, 'repo'), findSecret(inventory, key.secret, 'org')].filter(
    (s) => s !== undefined,
  );
  return copies.map((item) => ({
    kind: 'key',
    status: 'shared-across-environments',
    level: 'error',
    secret: key.secret,
    item,
    owners: key.owners,
    message:
      `${key.secret} is also defined at ${scopeName(item)} level: one value that every job can read, whatever its environment. ` +
      `Delete it and keep one key per environment (${key.environments.join(', ')}).`,
  }));
}

export function findSecret(
  inventory: Inventory,
  name: string,
  scope: InventoryItem['scope'],
  environment?: string,
): InventoryItem | undefined {
  return inventory.secrets.find(
    (s) =>
      s.scope === scope &&
      sameName(s.name, name) &&
      (environment === undefined || (s.environment !== undefined && sameName(s.environment, environment))),
  );
}
