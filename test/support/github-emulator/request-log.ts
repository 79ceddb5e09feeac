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
}

const emptyTally = (): Tally => ({ requests: 0, counted: 0, notModified: 0 });

function add(tally: Tally, entry: LogEntry): void {
  tally.requests += 1;
  if (entry.counted) tally.counted += 1;
  if (entry.notModified) tally.notModified += 1;
}

/** The request log, for assertions ("no request listed secrets twice") and benchmarks. */
export class RequestLog {
  entries: LogEntry[] = [];

  record(entry: Omit<LogEntry, 'seq'>): void {
    this.entries.push({ seq: this.entries.length + 1, ...entry });
  }

  clear(): void {
    this.entries = [];
  }

  counters(): Counters {
    const counters: Counters = { ...emptyTally(), byRoute: {}, byInstallation: {} };
    for (const entry of this.entries) {
      add(counters, entry);
      const route = entry.route ?? `${entry.method} (unmatched)`;
      add((counters.byRoute[route] ??= emptyTally()), entry);
      if (entry.installationId !== null) {
        add((counters.byInstallation[String(entry.installationId)] ??= emptyTally()), entry);
      }
    }
    return counters;
  }
}
