import type { Finding } from '../types.js';

/**
 * Findings in the order every reporter prints them: by path, then position, then detector and
 * commit. Sources may yield in any order (worker threads, git log), and reports must not change
 * from run to run when the findings don't.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.path, b.path) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.detector, b.detector) ||
      compareText(a.commit ?? '', b.commit ?? ''),
  );
}

// Code-unit order, not localeCompare: the same bytes sort the same on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
