import type { AnnotationProperties } from '@actions/core';
import type { Detector } from '../../src/detectors/detector.js';
import { describeVerification } from '../../src/report/describe-verification.js';
import { describeConfidence } from '../../src/report/describe-confidence.js';
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
 * (https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions#setting-an-error-message):
 * more would be dropped unseen, and would crowd out other steps' annotations. One error is kept for
 * the step's failure line, one warning for the note that says how many findings are not annotated.
 */
export const ANNOTATION_CAPS = { error: 9, warning: 9, notice: 10 } as const;

const LEVEL = { critical: 'error', high: 'error', medium: 'error', low: 'warning', info: 'notice' } as const;

/**
 * One annotation per finding, on its file and line: the key kind, the redacted key, how sure, what to do; at
 * most ANNOTATION_CAPS of each level. Returns how many findings were not annotated.
 */
export function annotateFindings(findings: readonly Finding[], detectors: readonly Detector[], out: Annotator): number {
  const remediation = new Map(detectors.map((d) => [d.id, d.remediation]));
  const used = { error: 0, warning: 0, notice: 0 };
  let skipped = 0;
  for (const f of sortFindings(findings)) {
    const level = LEVEL[f.severity];
    if (used[level] >= ANNOTATION_CAPS[level]) {
      skipped++;
      continue;
    }
    used[level]++;
    const where = f.commit ? ` in commit ${f.commit.slice(0, 12)}` : '';
    const live = f.verification ? ` ${describeVerification(f.verification)}.` : '';
    const sure = ` ${describeConfidence(f.confidence)}.`;
    const message = `${f.keyKind} ${f.redacted}${where}.${sure}${live} ${remediation.get(f.detector) ?? FALLBACK_REMEDIATION}`;
    out[level](message, {
      title: f.verification ? `${f.keyKind} (${f.verification.status})` : f.keyKind,
      file: f.path,
      startLine: f.line,
      startColumn: f.column,
      endColumn: f.endColumn,
    });
  }
  if (skipped > 0) out.warning(notAnnotated(skipped, findings.length), { title: 'Key Hygiene' });
  return skipped;
}

/** The line that says some findings have no annotation, for the log, the annotation and the summary. */
export function notAnnotated(skipped: number, total: number): string {
  return (
    `${skipped} of ${total} findings are not annotated (GitHub shows 10 error and 10 warning annotations per step): ` +
    `the job summary and the SARIF report list all ${total}.`
  );
}
