import type { Detector } from '../detectors/detector.js';
import type { Finding, Notice, ScanResult, Severity } from '../types.js';
import { FALLBACK_REMEDIATION } from './fallback-remediation.js';
import { formatSummary } from './format-summary.js';
import { toPublicFinding } from './public-finding.js';
import { showControls } from './show-controls.js';
import { sortFindings } from './sort-findings.js';
import { sortNotices } from './sort-notices.js';
import { createTextStyle, type TextStyle } from './text-style.js';
import { describeVerification } from './describe-verification.js';
import { wrapText } from './wrap-text.js';

export interface TextOptions {
  /** ANSI colour; the caller decides (TTY, NO_COLOR, --color), the reporter never looks. */
  color: boolean;
  /** The detectors that ran: their remediation is printed once per detector that found something. */
  detectors: readonly Detector[];
}

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const SEVERITY_WIDTH = Math.max(...SEVERITY_ORDER.map((s) => s.length));

/**
 * The human report: findings grouped by file, what to do about each kind of key, what was
 * skipped, and one closing summary line. With nothing found and nothing skipped it is one line.
 * Every string from the repository or its config (paths, authors, key kinds, remediation, notices)
 * is shown with its control characters written out: a file name holding `ESC[8m` or an OSC
 * sequence must not hide the report, retitle the terminal or plant a link, colour or not.
 */
export function renderText(result: ScanResult, options: TextOptions): string {
  const style = createTextStyle(options.color);
  const findings = sortFindings(result.findings).map(toPublicFinding);
  const sections: string[][] = [];
  if (findings.length > 0) {
    const groups = groupByPath(findings).map((group) => group.map(showFinding));
    const widths = measure(groups.flat());
    sections.push(...groups.map((group) => renderGroup(group, widths, style)));
    sections.push(renderRemediation(findings, options.detectors, style));
  }
  if (result.notices.length > 0) sections.push(renderNotices(sortNotices(result.notices), style));
  sections.push([formatSummary(result)]);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** The finding with every text field as it may be printed. */
function showFinding(f: Finding): Finding {
  const shown: Finding = {
    ...f,
    path: showControls(f.path),
    keyKind: showControls(f.keyKind),
    redacted: showControls(f.redacted),
    detector: showControls(f.detector),
  };
  for (const field of ['author', 'email', 'date'] as const)
    if (f[field] !== undefined) shown[field] = showControls(f[field]);
  if (f.verification) shown.verification = { ...f.verification, detail: showControls(f.verification.detail) };
  return shown;
}

function groupByPath(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.path, [...(groups.get(f.path) ?? []), f]);
  return [...groups.values()];
}

/** Column widths shared by every group, so the report reads as one table. */
interface Widths {
  position: number;
  keyKind: number;
  redacted: number;
  /** The confidence (after `scan --verify`, the live status first) follows the detector id, so the ids are padded. */
  detector: number;
  /** Set when a live status follows the detector id (`scan --verify`), so the confidences after it line up. */
  status?: number;
}

function measure(findings: Finding[]): Widths {
  const widest = (values: string[]) => Math.max(...values.map((v) => v.length));
  return {
    position: widest(findings.map(positionOf)),
    keyKind: widest(findings.map((f) => f.keyKind)),
    redacted: widest(findings.map((f) => f.redacted)),
    detector: widest(findings.map((f) => f.detector)),
    ...(findings.some((f) => f.verification) && {
      status: widest(findings.map((f) => f.verification?.status ?? '')),
    }),
  };
}

function positionOf(f: Finding): string {
  return `${f.line}:${f.column}`;
}

function renderGroup(group: Finding[], widths: Widths, style: TextStyle): string[] {
  const lines = [style.path(group[0]?.path ?? '')];
  for (const f of group) {
    const position = style.dim(positionOf(f).padEnd(widths.position));
    const severity = style.severity(f.severity, f.severity.padEnd(SEVERITY_WIDTH));
    const key = style.key(f.redacted.padEnd(widths.redacted));
    const status =
      widths.status === undefined
        ? ''
        : f.verification
          ? `${style.severity(STATUS_SEVERITY[f.verification.status], f.verification.status.padEnd(widths.status))}  `
          : `${' '.repeat(widths.status)}  `;
    lines.push(
      `  ${position}  ${severity}  ${f.keyKind.padEnd(widths.keyKind)}  ${key}  ${style.dim(f.detector.padEnd(widths.detector))}  ${status}${style.dim(confidenceWords(f))}`,
    );
    const origin = describeOrigin(f);
    if (origin) lines.push(`  ${' '.repeat(widths.position)}  ${style.dim(origin)}`);
    if (f.verification) lines.push(`  ${' '.repeat(widths.position)}  ${describeVerification(f.verification)}`);
  }
  return lines;
}

/** "medium confidence": how sure the finding is (src/types.ts `Confidence`). */
function confidenceWords(f: Finding): string {
  return `${f.confidence} confidence`;
}

/** The colour a key's live status is shown in: a live key as loud as a critical finding. */
const STATUS_SEVERITY = { live: 'critical', unknown: 'medium', revoked: 'low' } as const;

/** "in commit 1a2b3c4d5e6f by Ada <ada@example.com> on 2024-05-01, inside a base64 value". */
function describeOrigin(f: Finding): string {
  const parts: string[] = [];
  if (f.commit) {
    let commit = `in commit ${f.commit.slice(0, 12)}`;
    const who = [f.author, f.email ? `<${f.email}>` : ''].filter(Boolean).join(' ');
    if (who) commit += ` by ${who}`;
    if (f.date) commit += ` on ${f.date}`;
    parts.push(commit);
  }
  if (f.decodedFrom === 'base64') parts.push('inside a base64 value');
  return parts.join(', ');
}

/** Advice once per detector that found something, most severe first: that key is revoked first. */
function renderRemediation(findings: Finding[], detectors: readonly Detector[], style: TextStyle): string[] {
  const byId = new Map(detectors.map((d) => [d.id, d]));
  const first = new Map<string, Finding>();
  for (const f of findings) if (!first.has(f.detector)) first.set(f.detector, f);
  const ordered = [...first.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.detector < b.detector ? -1 : 1),
  );
  const lines = [style.heading('What to do')];
  for (const f of ordered) {
    const detector = byId.get(f.detector);
    lines.push(`  ${showControls(detector?.keyKind ?? f.keyKind)} ${style.dim(`(${showControls(f.detector)})`)}`);
    lines.push(...wrapText(showControls(detector?.remediation ?? FALLBACK_REMEDIATION), 96).map((l) => `    ${l}`));
  }
  return lines;
}

function renderNotices(notices: Notice[], style: TextStyle): string[] {
  notices = notices.map((n) => ({
    ...n,
    path: showControls(n.path),
    reason: showControls(n.reason) as Notice['reason'],
    message: showControls(n.message),
  }));
  const counts = new Map<string, number>();
  for (const n of notices) counts.set(n.reason, (counts.get(n.reason) ?? 0) + 1);
  const tally = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const lines = [style.heading(`${notices.length} ${notices.length === 1 ? 'notice' : 'notices'}`) + ` (${tally})`];
  const pathWidth = Math.max(...notices.map((n) => (n.path || '.').length));
  const reasonWidth = Math.max(...notices.map((n) => n.reason.length));
  for (const n of notices) {
    lines.push(`  ${(n.path || '.').padEnd(pathWidth)}  ${style.dim(n.reason.padEnd(reasonWidth))}  ${n.message}`);
  }
  return lines;
}
