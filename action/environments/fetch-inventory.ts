import type { Inventory } from '../../src/inventory/inventory.js';
import { toEnvironmentInfo, toInventoryItem } from '../../src/inventory/from-api.js';
import type { GitHubClient } from '../create-github-client.js';
import { describeApiError } from './describe-api-error.js';

/**
 * Reads the repository's secret metadata, never a value, the way the App's sweep does
 * (app/repo/fetch-repo-inventory.ts), so one policy judges alike on both fronts: every environment
 * and its secrets — named in `keys:` or not — repository secrets, organisation secrets visible to the
 * repository, and Dependabot secrets. Unlike the sweep, which skips a scope it may not read and
 * goes on to the next repository, any error here fails the step with one line saying what to change.
 * Environments first: listing them needs Actions: read, which a GITHUB_TOKEN may have, so a 403
 * later names the secrets permission. Endpoints and permissions: https://docs.github.com/rest/actions/secrets.
 */
export async function fetchInventory(octokit: GitHubClient, repository: string): Promise<Inventory> {
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
  const dependabotSecrets = await list('Dependabot secrets', () =>
    octokit.paginate('GET /repos/{owner}/{repo}/dependabot/secrets', { owner, repo, per_page: 100 }),
  );
  const environmentSecrets = [];
  // One environment at a time: GitHub asks for serial requests, and parallel ones trip the secondary limit.
  for (const env of environments) {
    // Octokit URL-encodes path parameters, so names with spaces or slashes are safe here.
    const secrets = await list(`secrets of environment ${env.name}`, () =>
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
    repository,
    environments: environments.map(toEnvironmentInfo),
    secrets: [
      ...environmentSecrets,
      ...repoSecrets.map((s) => toInventoryItem(s, 'repo')),
      ...dependabotSecrets.map((s) => toInventoryItem(s, 'dependabot')),
      ...orgSecrets.map((s) => toInventoryItem(s, 'org')),
    ],
  };
}
