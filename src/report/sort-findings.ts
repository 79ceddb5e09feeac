import type { Finding } from '../types.js';

/**
 * Findings in the order every reporter prints them: keys their provider says are live first (after
 * `scan --verify`; revoked ones last), then by path, position, detector and commit. Sources may
 * yield in any order (worker threads, git log), and reports must not change from run to run when
 * the findings don't.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      compareText(a.path, b.path) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.detector, b.detector) ||
      compareText(a.commit ?? '', b.commit ?? ''),
  );
}

/** Live keys are revoked first; a revoked one is still a finding, but the least urgent. */
function urgency(f: Finding): number {
  return f.verification?.status === 'live' ? 0 : f.verification?.status === 'revoked' ? 2 : 1;
}

// Code-unit order, not localeCompare: the same bytes sort the same on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
