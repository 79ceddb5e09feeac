/** A limit on writes: at most `limit` in any `windowMs`. */
export interface WriteWindow {
  limit: number;
  windowMs: number;
}

/**
 * GitHub's secondary limits on content-creating requests: 80 a minute and 500 an hour per app
 * installation.
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 */
export const GITHUB_WRITE_WINDOWS: readonly WriteWindow[] = [
  { limit: 80, windowMs: 60_000 },
  { limit: 500, windowMs: 3_600_000 },
];

/** Spaces content-creating requests: {@link ContentPacer} in one process, `RedisContentPacer` across processes. */
export interface WritePacer {
  /** Resolves when one more write fits every window, and records it. */
  take(): Promise<void>;
  /** Total time spent waiting, in ms (for logs and tests). */
  waitedMs: number;
}

export interface PacerDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realDeps: PacerDeps = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Spaces content-creating requests (POST, PATCH, PUT, DELETE) so none meets a secondary limit.
 * A sliding window of the last writes rather than a refilling bucket: a bucket of 80 that refills
 * at 80 a minute lets 160 through in one minute, and GitHub counts any 60 seconds. Time and sleep
 * are injected: tests move a clock, nothing sleeps.
 */
export class ContentPacer implements WritePacer {
  readonly #stamps: number[] = [];
  /** Total time spent waiting, in ms (for logs and tests). */
  waitedMs = 0;

  constructor(
    readonly windows: readonly WriteWindow[] = GITHUB_WRITE_WINDOWS,
    private readonly deps: PacerDeps = realDeps,
  ) {}

  /** Resolves when one more write fits every window, and records it. Calls are served in order. */
  async take(): Promise<void> {
    const turn = this.#queue.then(() => this.#takeNow());
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  #queue: Promise<void> = Promise.resolve();

  async #takeNow(): Promise<void> {
    for (let wait = this.#waitFor(this.deps.now()); wait > 0; wait = this.#waitFor(this.deps.now())) {
      this.waitedMs += wait;
      await this.deps.sleep(wait);
    }
    this.#stamps.push(this.deps.now());
    const longest = Math.max(...this.windows.map((w) => w.windowMs));
    while (this.#stamps.length > 0 && this.#stamps[0]! <= this.deps.now() - longest) this.#stamps.shift();
  }

  /** How long until one more write fits every window. */
  #waitFor(now: number): number {
    let wait = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = this.#stamps.filter((at) => at > now - windowMs);
      if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit]! + windowMs - now);
    }
    return wait;
  }
}

const pacers = new Map<string, ContentPacer>();

/** The process's pacer for one installation (or account): every sweep and command of it shares it. */
export function pacerFor(installation: string | number): ContentPacer {
  const key = String(installation).toLowerCase();
  let pacer = pacers.get(key);
  if (!pacer) pacers.set(key, (pacer = new ContentPacer()));
  return pacer;
}
