import { findIssueMarker, renderHiddenJson } from './hidden-json.js';

const TAG = 'dashboard';

/** The hidden marker that makes an issue the repository's dashboard. */
export function renderDashboardMarker(): string {
  return renderHiddenJson(TAG, { v: 1 });
}

export function isDashboard(body: string | null | undefined): boolean {
  return findIssueMarker(body ?? '', TAG) !== undefined;
}

/**
 * The "re-check now" box is ticked (GitHub sends `issues.edited` with the new body).
 * Matches `- [x] <!-- key-hygiene:recheck -->` at the start of a line, nowhere else.
 */
export function recheckRequested(body: string | null | undefined): boolean {
  return /^[ \t]{0,3}[-*] \[[xX]\] <!-- key-hygiene:recheck -->/m.test(body ?? '');
}
