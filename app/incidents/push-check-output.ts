import type { Detector } from '../../src/detectors/detector.js';
import { FALLBACK_REMEDIATION } from '../../src/report/fallback-remediation.js';
import { describeConfidence } from '../../src/report/describe-confidence.js';
import { inlineCode } from '../../src/report/render-issue-text.js';
import { sortFindings } from '../../src/report/sort-findings.js';
import type { CompareCoverage } from '../../src/sources/compare-source.js';
import type { Finding, ScanStats } from '../../src/types.js';
import { MAX_PUSH_REQUESTS } from './github-compare-api.js';

export const CHECK_NAME = 'Key hygiene';

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

/** A Checks API annotation. https://docs.github.com/rest/checks/runs#create-a-check-run */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

export interface PushCheck {
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

const LEVEL = { critical: 'failure', high: 'failure', medium: 'failure', low: 'warning', info: 'notice' } as const;

/** The annotations of one finding per line; GitHub keeps at most 50 per request, so writers send them in batches. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

/**
 * The check run for the lines a push added: a failure annotation per key (title the key kind, message
 * the redacted key and what to do), a warning or notice for hygiene findings. Findings carry only the
 * redacted key (src/types.ts), so nothing here can print the key itself.
 */
export function renderPushCheck(
  findings: readonly Finding[],
  detectors: readonly Detector[],
  added: CompareCoverage,
  belowConfidence?: ScanStats['belowConfidence'],
): PushCheck {
  const remediation = new Map(detectors.map((d) => [d.id, d.remediation]));
  const sorted = sortFindings(findings);
  const annotations = sorted.map((f): CheckAnnotation => {
    const where = f.commit ? ` in commit ${f.commit.slice(0, 12)}` : '';
    return {
      path: f.path,
      start_line: f.line,
      end_line: f.line,
      // Columns are allowed only on a single line; they count from 1 like ours.
      start_column: f.column,
      end_column: f.endColumn,
      annotation_level: LEVEL[f.severity],
      title: f.keyKind,
      message: `${f.keyKind} ${f.redacted} added${where}. ${describeConfidence(f.confidence)}. ${remediation.get(f.detector) ?? FALLBACK_REMEDIATION}`,
    };
  });
  const keys = annotations.filter((a) => a.annotation_level === 'failure').length;
  const lines = [
    keys === 0
      ? 'No keys added.'
      : `${plural(keys, 'key')} added: revoke ${keys === 1 ? 'it' : 'them'} at the provider now — removing the line does not un-leak it.`,
  ];
  if (annotations.length > keys)
    lines.push(`${plural(annotations.length - keys, 'other finding')} (warnings and notices).`);
  if (belowConfidence && belowConfidence.hidden > 0)
    lines.push(
      `${plural(belowConfidence.hidden, 'finding')} below ${belowConfidence.min} confidence not shown (\`scan.min-confidence\` in the config).`,
    );
  if (added.unscanned.length > 0)
    lines.push(`Not scanned (binary or too large for the API's diff): ${added.unscanned.map(inlineCode).join(', ')}.`);
  if (added.commitsLeftOut > 0)
    lines.push(
      `The oldest ${plural(added.commitsLeftOut, 'commit')} of this push ${added.commitsLeftOut === 1 ? 'was' : 'were'} not scanned (a push check reads at most ${MAX_PUSH_REQUESTS} commit pages, newest first): run \`key-hygiene scan --history\`.`,
    );
  if (added.commitsCut.length > 0)
    lines.push(
      `Only part of the files of ${added.commitsCut.map((sha) => inlineCode(sha.slice(0, 12))).join(', ')} ${added.commitsCut.length === 1 ? 'was' : 'were'} scanned: run \`key-hygiene scan --history\`.`,
    );
  return {
    conclusion: keys > 0 ? 'failure' : 'success',
    title: keys > 0 ? `${plural(keys, 'key')} added` : 'No keys added',
    summary: lines.join('\n\n'),
    annotations,
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
