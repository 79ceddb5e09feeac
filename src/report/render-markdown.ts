import type { Detector } from '../detectors/detector.js';
import type { Finding, ScanResult } from '../types.js';
import { codeCell, escapeMarkdown as escapeCell } from './escape-markdown.js';
import { FALLBACK_REMEDIATION } from './fallback-remediation.js';
import { formatSummary } from './format-summary.js';
import { describeVerification } from './describe-verification.js';
import { toPublicFinding } from './public-finding.js';
import { sortFindings } from './sort-findings.js';
import { sortNotices } from './sort-notices.js';
import { toSarifUri } from './sarif-uri.js';

export interface MarkdownOptions {
  /** The detectors that ran: each finding's row carries its remediation. */
  detectors: readonly Detector[];
  /** What was scanned, in words: "push to main: 1a2b3c4..5d6e7f8". */
  scanned: string;
  /** Notes on how it was scanned (e.g. "this push changes .github/key-hygiene.yml: …"), one line each. */
  notes?: readonly string[];
  /** `https://github.com/owner/name`: file:line cells link under it. */
  repositoryUrl: string;
  /** The commit a finding without one (a tree scan) links to. */
  commit: string;
  /** Size cap in bytes (UTF-8); default just under GitHub's 1 MiB per step summary. */
  maxBytes?: number;
}

/**
 * GitHub's job summary takes at most 1 MiB per step
 * (https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary);
 * a little is kept free for the closing note.
 */
const DEFAULT_MAX_BYTES = 1024 * 1024 - 4096;
const MAX_NOTICES = 20;
const HEADER = '| File | Detector | Confidence | Key | Commit | Author | What to do |\n|---|---|---|---|---|---|---|';
/** The header after `scan --verify`: a column says whether each key still works. */
const VERIFIED_HEADER =
  '| File | Detector | Confidence | Key | Still works? | Commit | Author | What to do |\n|---|---|---|---|---|---|---|---|';

/**
 * The job summary of a scan: a heading that says whether keys were found, what was scanned, a
 * table row per finding (redacted), and skipped files. Rows that would pass the size cap are
 * counted in a closing note instead; the SARIF report still holds every finding.
 */
export function renderMarkdown(result: ScanResult, options: MarkdownOptions): string {
  const findings = sortFindings(result.findings).map(toPublicFinding);
  const remediation = new Map(options.detectors.map((d) => [d.id, d.remediation]));
  const title =
    findings.length === 0
      ? 'no keys found'
      : `${findings.length} ${findings.length === 1 ? 'key' : 'keys'} found${stillLive(findings)}`;
  const verified = findings.some((f) => f.verification);
  const head = [
    `## Key Hygiene: ${title}`,
    '',
    `**Scanned:** ${escapeCell(options.scanned)} — ${escapeCell(formatSummary(result))}`,
    '',
  ];
  if (options.notes?.length) head.push(...options.notes.map((n) => `- ${escapeCell(n)}`), '');
  const tail = renderNotices(result);
  const limit = (options.maxBytes ?? DEFAULT_MAX_BYTES) - bytes(tail.join('\n')) - 200;
  const lines = [...head];
  if (findings.length > 0) {
    lines.push(verified ? VERIFIED_HEADER : HEADER);
    let used = bytes(lines.join('\n'));
    let shown = 0;
    for (const f of findings) {
      const row = renderRow(f, remediation.get(f.detector) ?? FALLBACK_REMEDIATION, options, verified);
      used += bytes(row) + 1;
      if (used > limit) break;
      lines.push(row);
      shown++;
    }
    if (shown < findings.length) {
      lines.push(
        '',
        `…and ${findings.length - shown} more not shown (the summary is capped at 1 MiB): every finding is in the SARIF report.`,
      );
    }
    lines.push('');
  }
  return `${[...lines, ...tail].join('\n').trimEnd()}\n`;
}

/** ", 1 still live" in the heading after `scan --verify`. */
function stillLive(findings: readonly Finding[]): string {
  const live = findings.filter((f) => f.verification?.status === 'live').length;
  return live > 0 ? `, ${live} still live` : '';
}

function renderRow(f: Finding, remediation: string, options: MarkdownOptions, verified = false): string {
  const commit = f.commit ?? options.commit;
  // encodeURIComponent leaves `(` and `)`: one would end the link's destination early.
  const url = `${options.repositoryUrl}/blob/${commit}/${toSarifUri(f.path).replace(/\(/g, '%28').replace(/\)/g, '%29')}#L${f.line}`;
  const file = `[${escapeCell(`${f.path}:${f.line}`)}](${url})`;
  const key = `${escapeCell(f.keyKind)} ${codeCell(f.redacted)}${f.decodedFrom === 'base64' ? ' (base64)' : ''}`;
  const commitCell = f.commit ? `[\`${f.commit.slice(0, 7)}\`](${options.repositoryUrl}/commit/${f.commit})` : '';
  const confidence = escapeCell(f.confidence);
  const cells = [
    file,
    `\`${f.detector}\``,
    confidence,
    key,
    commitCell,
    escapeCell(f.author ?? ''),
    escapeCell(remediation),
  ];
  if (verified) cells.splice(4, 0, f.verification ? escapeCell(describeVerification(f.verification)) : 'not checked');
  return `| ${cells.join(' | ')} |`;
}

function renderNotices(result: ScanResult): string[] {
  const notices = sortNotices(result.notices);
  if (notices.length === 0) return [];
  const lines = [
    `<details><summary>${notices.length} ${notices.length === 1 ? 'file' : 'files'} skipped or noted</summary>`,
    '',
  ];
  // Escaped as the findings' paths are: a code span ends at a blank line, and what follows it is Markdown again.
  for (const n of notices.slice(0, MAX_NOTICES))
    lines.push(`- ${escapeCell(n.path || '.')} (${n.reason}): ${escapeCell(n.message)}`);
  if (notices.length > MAX_NOTICES) lines.push(`- …and ${notices.length - MAX_NOTICES} more`);
  lines.push('', '</details>');
  return lines;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
