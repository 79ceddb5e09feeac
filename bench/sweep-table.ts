// The sweep bench's table, in bench/run.mjs's shape: each figure beside its reference from the same
// run, the ratio between them, the target and whether it was met.
import type { Counters } from '../test/support/github-emulator/index.js';
import type { IssueCheck } from './sweep-check.js';
import type { SweepFigures } from './sweep-run.js';

export interface Row {
  what: string;
  figure: string;
  reference?: string;
  ratio?: string;
  target?: string;
  /** PASS or MISS when there is a target. */
  verdict?: string;
}

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

/** Per repository, with the precision a small number needs. */
export const perRepo = (n: number, repos: number): string => (n / repos).toFixed(n / repos < 1 ? 3 : 2);

export function describeSweep(f: SweepFigures): string {
  const cpu = f.processes.reduce((n, p) => n + p.cpuSeconds, 0);
  return `${f.wallSeconds.toFixed(1)} s; ${perRepo(f.counters.requests, f.repositories)} req/repo, ${perRepo(f.counters.counted, f.repositories)} counted; ${((cpu / f.repositories) * 1000).toFixed(0)} ms app CPU/repo`;
}

export const peakRss = (f: SweepFigures): string =>
  f.processes.map((p) => `${p.role} ${p.peakRssMb.toFixed(0)} MB`).join(', ');

export function issueRow(what: string, check: IssueCheck): Row & { notes: string[] } {
  const problems = [
    check.missing.length && `${check.missing.length} missing`,
    check.duplicated.length && `${check.duplicated.length} duplicated`,
    check.unexpected.length && `${check.unexpected.length} other open issues`,
  ].filter(Boolean);
  const ok = check.exactlyOne === check.stale && check.unexpected.length === 0;
  const notes = [
    ...check.unexpected,
    ...check.duplicated.map((id) => `duplicated: ${id}`),
    ...check.missing.map((id) => `missing: ${id}`),
  ].slice(0, 10);
  return {
    what,
    figure: `${check.exactlyOne}/${check.stale} with exactly one open issue${problems.length ? `; ${problems.join(', ')}` : ''}`,
    target: 'all, no duplicates',
    verdict: verdict(ok),
    notes,
  };
}

/** Requests by route, most first (`counted` only: what still costs budget). */
export function byRoute(c: Counters, counted = false, top = 6): string {
  const key = counted ? 'counted' : 'requests';
  return Object.entries(c.byRoute)
    .filter(([, t]) => t[key] > 0)
    .sort((a, b) => b[1][key] - a[1][key])
    .slice(0, top)
    .map(([route, t]) => `${route} ${t[key]}`)
    .join(', ');
}

export function printTable(rows: readonly Row[], write: (line: string) => void): void {
  const head = ['what', 'key-hygiene (this run)', 'reference (same run)', 'ratio', 'target', ''];
  const table = [
    head,
    ...rows.map((r) => [r.what, r.figure, r.reference ?? '', r.ratio ?? '', r.target ?? '', r.verdict ?? '']),
  ];
  const widths = head.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
  for (const t of table)
    write(
      t
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

/**
 * Installation tokens the app minted (`POST /app/installations/{installation_id}/access_tokens`
 * answered, so counted), not attempts refused with a 401: the bench's next day puts the emulator's
 * clock a day past the host's, by which the app signs its JWTs.
 */
export const tokensMinted = (c: Counters): number =>
  c.byRoute['POST /app/installations/{installation_id}/access_tokens']?.counted ?? 0;
