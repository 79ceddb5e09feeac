import type { AppOctokit } from '../octokit/octokit.js';

/**
 * The raw value of an alert's secret, read only to look the key up in its provider's inventory
 * (app/incidents/look-up-leaked-keys.ts) when the server has that provider's admin key. Every other
 * read of an alert asks `hide_secret=true` (app/incidents/read-alert.ts). The answer is never cached
 * (`carriesPatches` in app/octokit/etag-cache.ts leaves it out), logged or kept: the caller compares
 * it and drops it. Undefined when GitHub gives no value.
 * https://docs.github.com/rest/secret-scanning/secret-scanning#get-a-secret-scanning-alert
 */
export async function readAlertSecret(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  alertNumber: number,
): Promise<string | undefined> {
  const { data } = await octokit.rest.secretScanning.getAlert({
    owner,
    repo,
    alert_number: alertNumber,
    hide_secret: false,
  });
  return typeof data.secret === 'string' && data.secret !== '' ? data.secret : undefined;
}
