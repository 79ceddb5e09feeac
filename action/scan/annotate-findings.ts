import type { AnnotationProperties } from '@actions/core';
import type { Detector } from '../../src/detectors/detector.js';
import { FALLBACK_REMEDIATION } from '../../src/report/fallback-remediation.js';
import { sortFindings } from '../../src/report/sort-findings.js';
import type { Finding } from '../../src/types.js';

/** Where annotations go: @actions/core's error/warning/notice, a parameter so tests can collect them. */
export interface Annotator {
  error(message: string, properties: AnnotationProperties): void;
  warning(message: string, properties: AnnotationProperties): void;
  notice(message: string, properties: AnnotationProperties): void;
}

/**
 * GitHub shows 10 error and 10 warning annotations per step and 50 per job
 * (https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions#setting-an-error-message);
 * past this many, one more says the rest are in the job summary.
 */
export const MAX_ANNOTATIONS = 50;

const LEVEL = { critical: 'error', high: 'error', medium: 'error', low: 'warning', info: 'notice' } as const;

/** One annotation per finding, on its file and line: the key kind, the redacted key, what to do. */
export function annotateFindings(findings: readonly Finding[], detectors: readonly Detector[], out: Annotator): void {
  const remediation = new Map(detectors.map((d) => [d.id, d.remediation]));
  const sorted = sortFindings(findings);
  for (const f of sorted.slice(0, MAX_ANNOTATIONS)) {
    const where = f.commit ? ` in commit ${f.commit.slice(0, 12)}` : '';
    const message = `${f.keyKind} ${f.redacted}${where}. ${remediation.get(f.detector) ?? FALLBACK_REMEDIATION}`;
    out[LEVEL[f.severity]](message, { title: f.keyKind, file: f.path, startLine: f.line, startColumn: f.column, endColumn: f.endColumn });
  }
  if (sorted.length > MAX_ANNOTATIONS) {
    out.warning(`${sorted.length - MAX_ANNOTATIONS} more findings are not annotated: the job summary and the SARIF report list all ${sorted.length}.`, { title: 'Key Hygiene' });
  }
}
