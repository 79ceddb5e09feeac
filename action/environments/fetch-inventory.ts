import type { getOctokit } from '@actions/github';
import type { Inventory } from '../../src/inventory/inventory.js';
import { sameName } from '../../src/inventory/inventory.js';
import { describeApiError } from './describe-api-error.js';
import { toEnvironmentInfo, toInventoryItem } from '../../src/inventory/from-api.js';

type Octokit = ReturnType<typeof getOctokit>;


/**
 * Reads the repository's environments and the secret metadata the policy needs: repository secrets,
 * organisation secrets visible to the repository, and the secrets of each `wanted` environment that
 * exists. Environments first: a GITHUB_TOKEN may list them, so a 403 later names the secrets permission.
 * Endpoints and permissions: GITHUB-FACTS.md, "Secret metadata".
 */
export async function fetchInventory(octokit: Octokit, repository: string, wanted: string[]): Promise<Inventory> {
  const [owner = '', repo = ''] = repository.split('/');
  const list = async <T>(what: string, fetch: () => Promise<T>): Promise<T> => {
    try {
      return await fetch();
    } catch (error) {
      throw describeApiError(error, what, repository);
    }
  };
  const environments = await list('environments', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/environments', { owner, repo, per_page: 100 }),
  );
  const repoSecrets = await list('repository secrets', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/actions/secrets', { owner, repo, per_page: 100 }),
  );
  const orgSecrets = await list('organisation secrets', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/actions/organization-secrets', { owner, repo, per_page: 100 }),
  );
  const checked = environments.filter((env) => wanted.some((name) => sameName(name, env.name)));
  const environmentSecrets = await Promise.all(
    checked.map(async (env) => {
      // Octokit URL-encodes path parameters, so names with spaces or slashes are safe here.
      const secrets = await list(`secrets of environment ${env.name}`, () =>
        octokit.paginate('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { owner, repo, environment_name: env.name, per_page: 100 }),
      );
      return secrets.map((s) => toInventoryItem(s, 'environment', env.name));
    }),
  );
  return {
    repository,
    environments: environments.map(toEnvironmentInfo),
    secrets: [...environmentSecrets.flat(), ...repoSecrets.map((s) => toInventoryItem(s, 'repo')), ...orgSecrets.map((s) => toInventoryItem(s, 'org'))],
  };
}
