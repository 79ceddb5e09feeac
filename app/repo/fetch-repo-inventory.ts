import type { Inventory, InventoryItem, SecretScope } from '../../src/inventory/inventory.js';
import type { DashboardSkipped } from '../../src/tracking/dashboard/dashboard-skipped.js';
import { missingPermission, statusOf, type AppOctokit } from '../octokit/octokit.js';
import { toEnvironmentInfo, toInventoryItem } from '../../src/inventory/from-api.js';

/** The inventory, and the scopes the sweep could not read (their issues are left as they are). */
export interface FetchedInventory {
  inventory: Inventory;
  skipped: DashboardSkipped[];
  skippedScopes: SecretScope[];
}

/**
 * Secret metadata of one repository (never values): environments, repository secrets, Dependabot
 * secrets, organisation secrets visible to it, and each environment's secrets.
 * Endpoints: https://docs.github.com/rest/actions/secrets
 * A 403 or 404 skips that scope and says which permission was missing; other errors propagate.
 * Unlike the Action's fetcher (one repository, every error fatal), a sweep must go on.
 */
export async function fetchRepoInventory(octokit: AppOctokit, owner: string, repo: string): Promise<FetchedInventory> {
  const skipped: DashboardSkipped[] = [];
  const skippedScopes = new Set<SecretScope>();
  const read = async <T>(what: string, scope: SecretScope, list: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await list();
    } catch (error) {
      const status = statusOf(error);
      if (status !== 403 && status !== 404) throw error;
      const permission = missingPermission(error);
      skipped.push({ what, reason: status === 403 ? 'forbidden' : 'not-found', ...(permission && { permission }) });
      skippedScopes.add(scope);
      return [];
    }
  };
  const environments = await read('environments', 'environment', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/environments', { owner, repo, per_page: 100 }),
  );
  const repoSecrets = await read('repository secrets', 'repo', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/actions/secrets', { owner, repo, per_page: 100 }),
  );
  const orgSecrets = await read('organisation secrets', 'org', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/actions/organization-secrets', { owner, repo, per_page: 100 }),
  );
  // Dependabot keeps its own secrets, read by Dependabot runs only; a 403 (no "Dependabot secrets"
  // permission) skips them. https://docs.github.com/rest/dependabot/secrets#list-repository-secrets
  const dependabotSecrets = await read('Dependabot secrets', 'dependabot', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/dependabot/secrets', { owner, repo, per_page: 100 }),
  );
  const environmentSecrets: InventoryItem[] = [];
  for (const env of environments) {
    // Octokit URL-encodes path parameters, so names with spaces or slashes are safe.
    const secrets = await read(`secrets of environment ${env.name}`, 'environment', () =>
      octokit.paginate('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', {
        owner,
        repo,
        environment_name: env.name,
        per_page: 100,
      }),
    );
    environmentSecrets.push(...secrets.map((s) => toInventoryItem(s, 'environment', env.name)));
  }
  return {
    inventory: {
      repository: `${owner}/${repo}`,
      environments: environments.map(toEnvironmentInfo),
      secrets: [
        ...environmentSecrets,
        ...repoSecrets.map((s) => toInventoryItem(s, 'repo')),
        ...dependabotSecrets.map((s) => toInventoryItem(s, 'dependabot')),
        ...orgSecrets.map((s) => toInventoryItem(s, 'org')),
      ],
    },
    skipped,
    skippedScopes: [...skippedScopes],
  };
}
