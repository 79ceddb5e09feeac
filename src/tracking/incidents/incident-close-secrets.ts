import { sameName, type InventoryItem, type SecretScope } from '../../inventory/inventory.js';
import { compileConfigRegex, type ConfigRegex } from '../../policy/config-regex.js';
import type { Config } from '../../policy/config-schema.js';
import { canonicalProvider } from '../../providers/canonical-provider.js';
import { incidentProvider, namesProvider } from './incident-close-provider.js';
import type { IncidentMarker } from '../incident-marker.js';

/** One secret that held — or may have held — the leaked key, and whether it changed since. */
export interface IncidentSecret {
  name: string;
  scope: 'repo' | 'environment' | 'dependabot';
  /** Set for environment secrets only. */
  environment?: string;
  updatedAt: Date;
  /** `updated_at` is after the leak: the secret holds a new value. */
  rotated: boolean;
}

/** What the bot knows about an incident's secrets at one sweep. */
export interface IncidentSecrets {
  /** The vendor the incident is about (`openai`, `gitlab`…), when the marker says. */
  provider?: string;
  /** When the leak was seen; undefined when neither the marker nor the issue says. */
  since?: Date;
  /** Repository, environment and Dependabot secrets for that vendor, sorted: repository, then environments, then Dependabot. */
  secrets: IncidentSecret[];
  /** Scopes that could not be read where such a secret may hide (repository or environment): nothing can close. */
  unread: SecretScope[];
  /** Every secret found was rotated after the leak, at least one was found, and nothing went unread. */
  allRotated: boolean;
}

export interface IncidentSecretsInput {
  marker: Pick<IncidentMarker, 'provider' | 'detector' | 'since'>;
  /** The issue's `created_at`: the leak time for a marker that does not carry one. */
  createdAt?: string;
  /** The repository's secret metadata (org secrets are ignored: the rule is the repository's own). */
  secrets: readonly InventoryItem[];
  /** Scopes the sweep could not read (`fetchRepoInventory`'s `skippedScopes`). */
  skippedScopes: readonly SecretScope[];
  policy: Pick<Config, 'keys' | 'track-names'>;
}

const ORDER = { repo: 0, environment: 1, dependabot: 2 } as const;

/**
 * The secrets an incident waits for (README, "What it does", leak incidents): in the repository, each of its
 * environments and Dependabot, every secret the policy's `keys` map to the incident's provider, and
 * every key-like secret (`track-names`) whose name names it — unless `keys` maps that name to
 * another provider. An unreadable Dependabot scope does not block (the app often lacks that
 * permission); an unreadable repository or environment scope does.
 */
export function incidentSecrets(input: IncidentSecretsInput): IncidentSecrets {
  const provider = incidentProvider(input.marker);
  const sinceText = input.marker.since ?? input.createdAt;
  const since = sinceText === undefined || Number.isNaN(Date.parse(sinceText)) ? undefined : new Date(sinceText);
  const tracked = input.policy['track-names'].map((pattern) => compileConfigRegex(pattern, { ignoreCase: true }));
  const secrets: IncidentSecret[] = [];
  for (const item of input.secrets) {
    if (item.scope === 'org' || !provider || !belongs(item.name, provider, input.policy.keys, tracked)) continue;
    const rotated = since !== undefined && item.updatedAt.getTime() > since.getTime();
    secrets.push({
      name: item.name,
      scope: item.scope,
      ...(item.environment !== undefined && { environment: item.environment }),
      updatedAt: item.updatedAt,
      rotated,
    });
  }
  secrets.sort(
    (a, b) =>
      ORDER[a.scope] - ORDER[b.scope] ||
      (a.environment ?? '').localeCompare(b.environment ?? '') ||
      a.name.localeCompare(b.name),
  );
  const unread = input.skippedScopes.filter((s) => s === 'repo' || s === 'environment');
  return {
    ...(provider !== undefined && { provider }),
    ...(since !== undefined && { since }),
    secrets,
    unread,
    allRotated: since !== undefined && secrets.length > 0 && unread.length === 0 && secrets.every((s) => s.rotated),
  };
}

function belongs(name: string, provider: string, keys: Config['keys'], tracked: readonly ConfigRegex[]): boolean {
  const entry = keys.find((key) => sameName(key.secret, name));
  if (entry?.provider !== undefined) return canonicalProvider(entry.provider) === provider;
  return namesProvider(name, provider) && (entry !== undefined || tracked.some((pattern) => pattern.test(name)));
}
