/** One request as the emulator saw it. */
export interface LogEntry {
  seq: number;
  /** Emulator clock, ISO. */
  at: string;
  method: string;
  /** Path and query as requested, without the `/api/v3` prefix. */
  path: string;
  /** `GET /repos/{owner}/{repo}` — the route template, or null when none matched. */
  route: string | null;
  status: number;
  installationId: number | null;
  /** Whether it consumed primary rate-limit budget (304s and rejected requests do not). */
  counted: boolean;
  notModified: boolean;
  fault: string | null;
}

export interface Tally {
  requests: number;
  counted: number;
  notModified: number;
}

export interface Counters extends Tally {
  byRoute: Record<string, Tally>;
  byInstallation: Record<string, Tally>;
  /** Answers by HTTP status (`0`: connection dropped by a fault). */
  byStatus: Record<string, number>;
}

/** `entries` keeps every request (tests assert on them); `counters` only the tallies, for benches of 100,000s of requests. */
export type RequestLogMode = 'entries' | 'counters';

const emptyTally = (): Tally => ({ requests: 0, counted: 0, notModified: 0 });
const emptyCounters = (): Counters => ({ ...emptyTally(), byRoute: {}, byInstallation: {}, byStatus: {} });

function add(tally: Tally, entry: Omit<LogEntry, 'seq'>): void {
  tally.requests += 1;
  if (entry.counted) tally.counted += 1;
  if (entry.notModified) tally.notModified += 1;
}

function count(counters: Counters, entry: Omit<LogEntry, 'seq'>): void {
  add(counters, entry);
  const route = entry.route ?? `${entry.method} (unmatched)`;
  add((counters.byRoute[route] ??= emptyTally()), entry);
  if (entry.installationId !== null)
    add((counters.byInstallation[String(entry.installationId)] ??= emptyTally()), entry);
  counters.byStatus[String(entry.status)] = (counters.byStatus[String(entry.status)] ?? 0) + 1;
}

/** The request log, for assertions ("no request listed secrets twice") and benchmarks. */
export class RequestLog {
  entries: LogEntry[] = [];
  #running = emptyCounters();

  /** In `counters` mode `entries` stays empty. */
  constructor(readonly mode: RequestLogMode = 'entries') {}

  record(entry: Omit<LogEntry, 'seq'>): void {
    if (this.mode === 'counters') count(this.#running, entry);
    else this.entries.push({ seq: this.entries.length + 1, ...entry });
  }

  clear(): void {
    this.entries = [];
    this.#running = emptyCounters();
  }

  counters(): Counters {
    if (this.mode === 'counters') return structuredClone(this.#running);
    const counters = emptyCounters();
    for (const entry of this.entries) count(counters, entry);
    return counters;
  }
}
