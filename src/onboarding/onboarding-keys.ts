import { sameName, type Inventory } from '../inventory/inventory.js';
import { compileConfigRegex } from '../policy/config-regex.js';
import type { Config, KeyPolicy } from '../policy/config-schema.js';
import { guessProvider } from './guess-provider.js';

/**
 * The `keys:` a starter policy lists for a repository (the onboarding pull request): every repository or
 * environment secret the current policy tracks (a `keys:` entry names it, or `track-names` matches),
 * once per name, with the environments that hold their own copy, the provider its name names, and the
 * rotation the current policy gives it — so merging the file changes nothing until someone edits it.
 * Organisation and Dependabot secrets are left out: the App judges organisation secrets once per
 * organisation, and a `keys:` entry already covers a Dependabot copy of the same name.
 */
export function onboardingKeys(inventory: Inventory, policy: Config): KeyPolicy[] {
  const tracked = policy['track-names'].map((pattern) => compileConfigRegex(pattern, { ignoreCase: true }));
  const byName = new Map<string, KeyPolicy>();
  const items = inventory.secrets.filter((item) => item.scope === 'repo' || item.scope === 'environment');
  for (const item of items) {
    const entry = policy.keys.find((key) => sameName(key.secret, item.name));
    if (!entry && !tracked.some((pattern) => pattern.test(item.name))) continue;
    const id = item.name.toUpperCase();
    const key = byName.get(id) ?? startKey(entry?.secret ?? item.name, entry, policy);
    byName.set(id, key);
    if (
      item.scope === 'environment' &&
      item.environment !== undefined &&
      !key.environments.some((e) => sameName(e, item.environment!))
    ) {
      key.environments.push(item.environment);
    }
  }
  const order = inventory.environments.map((env) => env.name.toLowerCase());
  const rank = (name: string) =>
    order.includes(name.toLowerCase()) ? order.indexOf(name.toLowerCase()) : order.length;
  return [...byName.values()]
    .sort((a, b) => a.secret.localeCompare(b.secret))
    .map((key) => ({
      ...key,
      environments: [...key.environments].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    }));
}

function startKey(secret: string, entry: KeyPolicy | undefined, policy: Config): KeyPolicy {
  const provider = entry?.provider ?? guessProvider(secret);
  return {
    secret,
    ...(provider !== undefined && { provider }),
    environments: [],
    'rotate-every': entry?.['rotate-every'] ?? policy['rotate-every'],
    'remind-before': entry?.['remind-before'] ?? policy['remind-before'],
    owners: entry?.owners ?? [],
  };
}
