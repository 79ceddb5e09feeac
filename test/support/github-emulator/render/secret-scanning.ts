import { isoSeconds } from '../clock.js';
import type { RepoRecord, SecretScanningAlertRecord, SecretScanningLocationRecord } from '../types.js';
import { ghostAccount, renderSimpleUser, type Bases } from './accounts.js';
import type { Store } from '../store.js';

/** `secret-scanning-location` of type `commit`. https://docs.github.com/rest/secret-scanning/secret-scanning#list-locations-for-a-secret-scanning-alert */
export function renderSecretScanningLocation(
  bases: Bases,
  repo: RepoRecord,
  location: SecretScanningLocationRecord,
): Record<string, unknown> {
  const repoUrl = `${bases.apiBase}/repos/${repo.owner}/${repo.name}`;
  return {
    type: 'commit',
    details: {
      path: location.path,
      start_line: location.startLine,
      end_line: location.endLine,
      start_column: location.startColumn,
      end_column: location.endColumn,
      blob_sha: location.blobSha,
      blob_url: `${repoUrl}/git/blobs/${location.blobSha}`,
      commit_sha: location.commitSha,
      commit_url: `${repoUrl}/git/commits/${location.commitSha}`,
    },
  };
}

/**
 * `secret-scanning-alert` (lists) and `secret-scanning-alert-with-metadata` (one alert). The raw
 * `secret` is in the answer unless the caller asked `hide_secret=true`, when GitHub leaves the field
 * out — which is why Key Hygiene always asks.
 * https://docs.github.com/rest/secret-scanning/secret-scanning#get-a-secret-scanning-alert
 */
export function renderSecretScanningAlert(
  bases: Bases & { store: Store },
  repo: RepoRecord,
  alert: SecretScanningAlertRecord,
  hideSecret: boolean,
): Record<string, unknown> {
  const url = `${bases.apiBase}/repos/${repo.owner}/${repo.name}/secret-scanning/alerts/${alert.number}`;
  const first = alert.locations[0];
  return {
    number: alert.number,
    created_at: isoSeconds(alert.createdAt),
    updated_at: isoSeconds(alert.updatedAt),
    url,
    html_url: `${bases.htmlBase}/${repo.owner}/${repo.name}/security/secret-scanning/${alert.number}`,
    locations_url: `${url}/locations`,
    state: alert.state,
    resolution: alert.resolution,
    resolved_at: alert.resolvedAt ? isoSeconds(alert.resolvedAt) : null,
    resolved_by: alert.resolvedBy
      ? renderSimpleUser(bases, bases.store.account(alert.resolvedBy) ?? ghostAccount(alert.resolvedBy))
      : null,
    resolution_comment: null,
    secret_type: alert.secretType,
    secret_type_display_name: alert.secretTypeDisplayName,
    ...(hideSecret ? {} : { secret: alert.secret }),
    push_protection_bypassed: false,
    push_protection_bypassed_by: null,
    push_protection_bypassed_at: null,
    push_protection_bypass_request_reviewer: null,
    push_protection_bypass_request_reviewer_comment: null,
    push_protection_bypass_request_comment: null,
    push_protection_bypass_request_html_url: null,
    validity: alert.validity,
    publicly_leaked: false,
    multi_repo: false,
    is_base64_encoded: false,
    first_location_detected: first ? renderSecretScanningLocation(bases, repo, first).details : null,
    has_more_locations: alert.locations.length > 1,
    assigned_to: null,
  };
}
