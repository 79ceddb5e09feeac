import type { Decision } from '../../inventory/decision.js';
import { keyMarkerOf } from '../issue-kind.js';
import { keyId } from '../key-issues/key-id.js';
import { unprotectedEnvironmentKey } from '../tracked-key.js';
import type { TrackedIssue } from '../tracked-issue.js';

/** A production-like environment without protection, and the open issue tracking it. */
export interface UnprotectedRow {
  environment: string;
  issue?: number;
}

/**
 * The dashboard's "without protection" list: each production-like environment any branch can
 * deploy to, linked to the oldest open issue tracking it (as the key rows are). Pure.
 */
export function unprotectedRowsOf(
  repository: string,
  decisions: readonly Decision[],
  issues: readonly TrackedIssue[],
): UnprotectedRow[] {
  return decisions.flatMap((d) => {
    if (d.kind !== 'environment') return [];
    const id = keyId(unprotectedEnvironmentKey(repository, d.environment));
    const open = issues
      .filter((i) => i.state === 'open' && keyMarkerOf(i)?.key === id)
      .sort((a, b) => a.number - b.number)[0];
    return [{ environment: d.environment, ...(open && { issue: open.number }) }];
  });
}
