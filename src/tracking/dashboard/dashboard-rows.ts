import type { Decision, KeyDecision, KeyStatus } from '../../inventory/decision.js';
import type { OrgSecretVisibility, SecretScope } from '../../inventory/inventory.js';
import { keyId } from '../key-issues/key-id.js';
import { keyMarkerOf } from '../issue-kind.js';
import type { KeyMarker } from '../key-marker.js';
import { trackedKeyOf } from '../tracked-key.js';
import type { TrackedIssue } from '../tracked-issue.js';

/** One tracked key in the dashboard table. */
export interface DashboardRow {
  secret: string;
  scope: SecretScope;
  environment?: string;
  lastRotated?: Date;
  dueAt?: Date;
  status: KeyStatus;
  /** The open issue tracking it. */
  issue?: number;
  snoozedUntil?: Date;
  exempt?: boolean;
  /** Organisation secrets: which repositories may use it. */
  visibility?: OrgSecretVisibility;
  /** `selected` visibility: how many repositories are selected, when the sweep could count them. */
  selectedRepositories?: number;
}

/**
 * A dashboard row per key decision, linked to the open issue tracking it and showing snoozes and
 * exemptions. `repository` is the one the key ids name: `owner/name` for a repository's keys, the
 * organisation's login for its own secrets (with their visibility), tracked in its `org-secrets-repo`.
 */
export function dashboardRowsOf(
  repository: string,
  decisions: readonly Decision[],
  issues: readonly TrackedIssue[],
): DashboardRow[] {
  const markers = new Map<string, { marker: KeyMarker; issue: TrackedIssue }[]>();
  for (const issue of issues) {
    const marker = keyMarkerOf(issue);
    if (marker) markers.set(marker.key, [...(markers.get(marker.key) ?? []), { marker, issue }]);
  }
  return decisions
    .filter((d): d is KeyDecision => d.kind === 'key')
    .map((d) => {
      const found = markers.get(keyId(trackedKeyOf(repository, d))) ?? [];
      const open = found.filter((f) => f.issue.state === 'open').sort((a, b) => a.issue.number - b.issue.number)[0];
      const snooze = open?.marker.snooze;
      const environment = d.environment ?? d.item?.environment;
      return {
        secret: d.secret,
        scope: d.item?.scope ?? 'environment',
        ...(environment !== undefined && { environment }),
        ...(d.item && { lastRotated: d.item.updatedAt }),
        ...(d.item?.visibility && { visibility: d.item.visibility }),
        ...(d.item?.selectedRepositories !== undefined && { selectedRepositories: d.item.selectedRepositories }),
        ...(d.dueAt && { dueAt: d.dueAt }),
        status: d.status,
        ...(open && { issue: open.issue.number }),
        ...(snooze && { snoozedUntil: new Date(snooze.until) }),
        ...(found.some((f) => f.marker.exemption) && { exempt: true }),
      };
    });
}
