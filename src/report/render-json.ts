import type { Finding, Notice, ScanResult, ScanStats } from '../types.js';
import { toPublicFinding } from './public-finding.js';
import { sortFindings } from './sort-findings.js';
import { sortNotices } from './sort-notices.js';

/** Version of the JSON report's shape; bumped only when a field changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1;

/** The `--format json` document. Findings are redacted (see src/types.ts), never raw. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  findings: Finding[];
  notices: Notice[];
  stats: ScanStats;
}

/** The JSON report as an object: findings sorted, fields in a fixed order, nothing undocumented. */
export function buildJsonReport(result: ScanResult): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    findings: sortFindings(result.findings).map(toPublicFinding),
    notices: sortNotices(result.notices).map((n) => ({ path: n.path, reason: n.reason, message: n.message })),
    stats: {
      files: result.stats.files,
      bytes: result.stats.bytes,
      commits: result.stats.commits,
      skipped: result.stats.skipped,
      durationMs: result.stats.durationMs,
      ...(result.stats.belowConfidence && { belowConfidence: { ...result.stats.belowConfidence } }),
    },
  };
}

/** The JSON report as text, two-space indented, ending in a newline. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(buildJsonReport(result), null, 2)}\n`;
}
