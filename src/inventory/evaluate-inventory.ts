import type { Config } from '../policy/config-schema.js';
import type { Decision } from './decision.js';
import { evaluateEnvironments } from './evaluate-environments.js';
import { evaluateKeys } from './evaluate-keys.js';
import { evaluateUnlistedSecrets } from './evaluate-unlisted-secrets.js';
import type { Inventory } from './inventory.js';

/**
 * Every decision the policy makes about a repository's secrets and environments at `now`: the
 * `keys:` entries, then every other key-like secret by age, then the environments' gates.
 */
export function evaluateInventory(inventory: Inventory, config: Config, now: Date): Decision[] {
  return [
    ...evaluateKeys(inventory, config, now),
    ...evaluateUnlistedSecrets(inventory, config, now),
    ...evaluateEnvironments(inventory, config),
  ];
}
