import type { ScanResult } from '../types.js';

/**
 * The closing line of the text report: what was found, then what was scanned.
 * e.g. "3 findings in 2 files · scanned 14 files (12.3 kB), 5 commits in 45 ms".
 */
export function formatSummary(result: ScanResult): string {
  const { findings, stats } = result;
  const files = new Set(findings.map((f) => f.path)).size;
  const found =
    findings.length === 0
      ? 'No keys found'
      : `${plural(findings.length, 'finding')} in ${plural(files, 'file')}${tallyVerified(findings)}`;
  const commits = stats.commits > 0 ? `, ${plural(stats.commits, 'commit')}` : '';
  const skipped = stats.skipped > 0 ? `, ${stats.skipped} skipped` : '';
  const scanned = `scanned ${plural(stats.files, 'file')} (${formatBytes(stats.bytes)})${commits}${skipped}`;
  return `${found}${tallyHidden(stats)} · ${scanned} in ${formatDuration(stats.durationMs)}`;
}

/** " · 3 below medium confidence not shown" when `--min-confidence` hid some: a count, never which. */
export function tallyHidden(stats: ScanResult['stats']): string {
  const below = stats.belowConfidence;
  return below && below.hidden > 0 ? ` · ${below.hidden} below ${below.min} confidence not shown` : '';
}

/** " (1 live, 2 revoked, 1 unknown)" after `scan --verify`; '' when no finding was checked. */
function tallyVerified(findings: ScanResult['findings']): string {
  const counts = (['live', 'revoked', 'unknown'] as const).map(
    (status) => [status, findings.filter((f) => f.verification?.status === status).length] as const,
  );
  const said = counts.filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`);
  return said.length > 0 ? ` (${said.join(', ')})` : '';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Decimal units, as `du --si` and npm print them: "12.3 kB", "4.0 MB".
function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
