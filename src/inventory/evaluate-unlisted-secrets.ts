import { compileConfigRegex } from '../policy/config-regex.js';
import type { Config, KeyPolicy } from '../policy/config-schema.js';
import { rotationFor } from '../policy/rotation.js';
import type { KeyDecision } from './decision.js';
import { sameName, type Inventory, type InventoryItem } from './inventory.js';
import { judgeAge, placeOf } from './judge-age.js';

/**
 * The secrets `keys:` does not judge, by age — one decision per secret per place (each environment,
 * the repository, Dependabot). A secret whose name a `keys:` entry lists keeps that entry's rotation
 * and owners (a Dependabot copy, an environment the entry does not name); any other secret whose
 * name matches `track-names` gets the top-level `rotate-every` / `remind-before` (so that
 * with no config, every key-like secret gets sane defaults).
 *
 * Organisation secrets are left out: the App judges them once per organisation
 * ({@link evaluateOrgSecrets}), so a hundred repositories do not each report the same stale value.
 * They still count for `keys:` entries (fallback, shared copies) in {@link evaluateKeys}.
 */
export function evaluateUnlistedSecrets(inventory: Inventory, config: Config, now: Date): KeyDecision[] {
  const items = inventory.secrets.filter((item) => item.scope !== 'org' && !coveredByEntry(item, config.keys));
  return judgeEach(items, config, now);
}

/**
 * An organisation's own secrets (`GET /orgs/{org}/actions/secrets`), each judged once by age against
 * the org's policy: a listed name by its entry's rotation, a `track-names` match by the defaults.
 */
export function evaluateOrgSecrets(secrets: readonly InventoryItem[], config: Config, now: Date): KeyDecision[] {
  return judgeEach(secrets, config, now);
}

function judgeEach(items: readonly InventoryItem[], config: Config, now: Date): KeyDecision[] {
  const tracked = config['track-names'].map((pattern) => compileConfigRegex(pattern, { ignoreCase: true }));
  return items.flatMap((item) => {
    const entry = config.keys.find((key) => sameName(key.secret, item.name));
    if (!entry && !tracked.some((pattern) => pattern.test(item.name))) return [];
    const decision: KeyDecision = {
      kind: 'key',
      secret: entry?.secret ?? item.name,
      ...(item.environment !== undefined && { environment: item.environment }),
      owners: entry?.owners ?? [],
      ...judgeAge(entry?.secret ?? item.name, rotationFor(entry, config), item, placeOf(item), now),
    };
    return [decision];
  });
}

/**
 * The places a `keys:` entry already judges: its environments' own values and the repository or
 * organisation copy (the value itself, or a shared copy when the entry names environments).
 */
function coveredByEntry(item: InventoryItem, keys: readonly KeyPolicy[]): boolean {
  return keys.some((key) => {
    if (!sameName(key.secret, item.name)) return false;
    if (item.scope === 'repo' || item.scope === 'org') return true;
    if (item.scope !== 'environment' || item.environment === undefined) return false;
    return key.environments.some((environment) => sameName(environment, item.environment!));
  });
}
