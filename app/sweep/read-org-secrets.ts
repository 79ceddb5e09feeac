import { evaluateOrgSecrets } from '../../src/inventory/evaluate-unlisted-secrets.js';
import type { InventoryItem, OrgSecretVisibility } from '../../src/inventory/inventory.js';
import type { Config } from '../../src/policy/config-schema.js';
import { missingPermission, statusOf, type AppOctokit } from '../octokit/octokit.js';
import type { OrgSecretsPass } from './org-secrets-passes.js';

/**
 * An organisation's own secrets judged at `now` against its policy, with their visibility, tracked
 * in `repo` (its `org-secrets-repo`); a 403 or 404 on the list says why instead.
 */
export async function readOrgSecrets(
  octokit: AppOctokit,
  org: string,
  repo: string,
  policy: Config,
  now: Date,
): Promise<OrgSecretsPass> {
  const secrets = await listOrgSecrets(octokit, org);
  if (!Array.isArray(secrets)) {
    return {
      trackedIn: repo,
      decisions: [],
      skipped: { what: `organisation secrets of ${org} (tracked in ${org}/${repo})`, ...secrets },
    };
  }
  // Only the secrets the policy tracks are counted: one request each, for the dashboard.
  const tracked = new Set(evaluateOrgSecrets(secrets, policy, now).map((d) => d.item));
  const counted = await countSelectedRepositories(octokit, org, secrets, (secret) => tracked.has(secret));
  return { trackedIn: repo, decisions: evaluateOrgSecrets(counted, policy, now) };
}

/**
 * `GET /orgs/{org}/actions/secrets` (https://docs.github.com/rest/actions/secrets; needs "Organization secrets"
 * read). A 403 or 404 gives the reason instead of the list.
 */
async function listOrgSecrets(
  octokit: AppOctokit,
  org: string,
): Promise<InventoryItem[] | { reason: 'forbidden' | 'not-found'; permission?: string }> {
  try {
    const secrets = await octokit.paginate('GET /orgs/{org}/actions/secrets', { org, per_page: 100 });
    return secrets.map((secret) => ({
      scope: 'org',
      name: secret.name,
      updatedAt: new Date(secret.updated_at),
      ...(isVisibility(secret.visibility) && { visibility: secret.visibility }),
    }));
  } catch (error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 404) throw error;
    const permission = missingPermission(error);
    return { reason: status === 403 ? 'forbidden' : 'not-found', ...(permission && { permission }) };
  }
}

function isVisibility(value: unknown): value is OrgSecretVisibility {
  return value === 'all' || value === 'private' || value === 'selected';
}

/**
 * How many repositories each `selected` secret that `wanted` keeps is shown to, for the dashboard of
 * the repository that tracks them: `total_count` of its repository list, one request of one item each
 * (the list endpoint does not give it). A count that cannot be read (403, 404) is left out; the
 * dashboard then says "selected" alone.
 * https://docs.github.com/rest/actions/secrets#list-selected-repositories-for-an-organization-secret
 */
async function countSelectedRepositories(
  octokit: AppOctokit,
  org: string,
  secrets: readonly InventoryItem[],
  wanted: (secret: InventoryItem) => boolean,
): Promise<InventoryItem[]> {
  const counted: InventoryItem[] = [];
  for (const secret of secrets) {
    if (secret.visibility !== 'selected' || !wanted(secret)) {
      counted.push(secret);
      continue;
    }
    try {
      const { data } = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', {
        org,
        secret_name: secret.name,
        per_page: 1,
      });
      counted.push({ ...secret, selectedRepositories: data.total_count });
    } catch (error) {
      const status = statusOf(error);
      if (status !== 403 && status !== 404) throw error;
      counted.push(secret);
    }
  }
  return counted;
}
