import { isDashboard } from './dashboard-marker.js';
import { parseIncidentMarker, type IncidentMarker } from './incident-marker.js';
import { parseKeyMarker, type KeyMarker } from './key-marker.js';
import { LEAK_LABEL } from './issue-labels.js';

/** The three kinds of issue the bot writes. */
export type IssueKind = 'key' | 'incident' | 'dashboard';

/** An issue as the REST API or a webhook gives it (labels as names or as objects), or a tracked issue. */
export interface KindedIssue {
  body?: string | null;
  labels?: ReadonlyArray<string | { name?: string | null }>;
}

/**
 * What one of the bot's issues is, so that each marker is read only from its own kind: a leak
 * incident carries the `leak` label and an incident marker; a key issue and the dashboard carry
 * their own marker and no `leak` label. Undefined for anything else (a body with two kinds of
 * marker, an incident that lost its label): such an issue is left alone, never acted on.
 */
export function issueKindOf(issue: KindedIssue): IssueKind | undefined {
  const leak = (issue.labels ?? []).some(
    (l) => (typeof l === 'string' ? l : (l.name ?? '')).toLowerCase() === LEAK_LABEL,
  );
  if (leak) return parseIncidentMarker(issue.body) ? 'incident' : undefined;
  if (parseKeyMarker(issue.body)) return 'key';
  return isDashboard(issue.body) ? 'dashboard' : undefined;
}

/** The key marker of a key issue; undefined for every other kind. */
export function keyMarkerOf(issue: KindedIssue): KeyMarker | undefined {
  return issueKindOf(issue) === 'key' ? parseKeyMarker(issue.body) : undefined;
}

/** The incident marker of a leak incident; undefined for every other kind. */
export function incidentMarkerOf(issue: KindedIssue): IncidentMarker | undefined {
  return issueKindOf(issue) === 'incident' ? parseIncidentMarker(issue.body) : undefined;
}
