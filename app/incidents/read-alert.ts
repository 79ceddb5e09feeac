import { articled } from '../../src/tracking/incidents/render-incident.js';
import type { AlertPlace } from '../../src/tracking/incidents/render-alert-incident.js';
import type { AppOctokit } from '../octokit/octokit.js';

/** What the app keeps of an alert: never its secret. */
export interface ReadAlert {
  state: string;
  validity?: string;
  createdAt: string;
  htmlUrl: string;
  secretType?: string;
  /** Resolved alerts: how, and by whom (a login). */
  resolution?: string;
  resolvedBy?: string;
  place: AlertPlace | undefined;
}

/** A location as the locations API lists it; `commit` and `wiki_commit` details carry a path. */
interface Location {
  type?: string;
  details?: { path?: string; start_line?: number; commit_sha?: string };
}

/**
 * The alert through the REST API — always with `hide_secret=true`, so the value never reaches the
 * app, its logs or its caches (GitHub's alert objects can contain the raw secret) — and
 * the first place GitHub saw it, from the locations API. Only the fields the incident needs are
 * kept. Throws the API's error (403 without the "Secret scanning alerts" permission).
 * https://docs.github.com/rest/secret-scanning/secret-scanning#get-a-secret-scanning-alert
 * https://docs.github.com/rest/secret-scanning/secret-scanning#list-locations-for-a-secret-scanning-alert
 */
export async function readAlert(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  alertNumber: number,
): Promise<ReadAlert> {
  const { data: alert } = await octokit.rest.secretScanning.getAlert({
    owner,
    repo,
    alert_number: alertNumber,
    hide_secret: true,
  });
  const { data: locations } = await octokit.rest.secretScanning.listLocationsForAlert({
    owner,
    repo,
    alert_number: alertNumber,
    per_page: 1,
  });
  return {
    state: alert.state ?? 'open',
    ...(alert.validity !== undefined && { validity: alert.validity }),
    createdAt: alert.created_at ?? '',
    htmlUrl: alert.html_url ?? `https://github.com/${owner}/${repo}/security/secret-scanning/${alertNumber}`,
    ...(alert.secret_type !== undefined && { secretType: alert.secret_type }),
    ...(alert.resolution && { resolution: alert.resolution }),
    ...(alert.resolved_by?.login && { resolvedBy: alert.resolved_by.login }),
    place: placeOf((locations as Location[])[0]),
  };
}

/** A file line for code, else the kind of place in words ("an issue comment"). */
function placeOf(location: Location | undefined): AlertPlace | undefined {
  if (!location?.type) return undefined;
  const { path, start_line: line, commit_sha: commit } = location.details ?? {};
  if (path !== undefined && line !== undefined && commit !== undefined)
    return { kind: 'file', path: path.replace(/^\/+/, ''), line, commit };
  return { kind: 'other', what: articled(location.type.replace(/_/g, ' ')) };
}
