import type { BudgetWaitReason } from '../metrics/app-metrics.js';
import { rateLimitWaitMs, readRateLimit, type Headers, type RateLimitReading } from './rate-limit-headers.js';

export interface BudgetDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Told of every wait (metrics). */
  onWait?: (reason: BudgetWaitReason, ms: number) => void;
}

/** A new reading belongs to a later window when its reset is this much later than the known one. */
const SAME_WINDOW_MS = 2_000;

/**
 * One installation's primary rate limit as this process has seen it, and the share of it a sweep
 * may spend (`KEY_HYGIENE_BUDGET_SHARE`). Every answer updates it (webhook clients' too: they spend
 * the same limit); only sweep clients wait in {@link RequestBudget.beforeRequest}, so webhook
 * handlers stay responsive. Usage is what GitHub reports (`X-RateLimit-*`, which a 304 leaves
 * alone) plus the requests still in flight; several processes share it through GitHub's own
 * headers, with nothing to synchronise.
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-github-app-installations
 */
export class RequestBudget {
  #known: RateLimitReading | undefined;
  #blockedUntil = 0;
  #inFlight = 0;

  constructor(
    readonly share: number,
    private readonly deps: BudgetDeps,
  ) {}

  /** The latest reading, if any answer carried one. */
  get known(): RateLimitReading | undefined {
    return this.#known;
  }

  /** Reads an answer's headers; within one window the lowest `Remaining` wins (answers can cross). */
  observe(headers: Headers): RateLimitReading | undefined {
    const reading = readRateLimit(headers, this.deps.now());
    if (!reading) return undefined;
    const known = this.#known;
    const sameWindow = known !== undefined && reading.resetAt < known.resetAt + SAME_WINDOW_MS;
    this.#known = sameWindow
      ? { ...reading, remaining: Math.min(reading.remaining, known.remaining), resetAt: known.resetAt }
      : reading;
    return this.#known;
  }

  /** Records a 403/429 that asked to wait; returns the wait in ms, or undefined if it was no rate limit. */
  limited(error: unknown): number | undefined {
    const now = this.deps.now();
    const wait = rateLimitWaitMs(error, now);
    if (wait !== undefined) this.#blockedUntil = Math.max(this.#blockedUntil, now + wait);
    return wait;
  }

  /**
   * How long a sweep request must wait now, and why (0: go). `ahead` more requests must fit in the
   * share after this one (as many as the share can ever hold): what {@link ready} asks for.
   */
  waitFor(now: number, ahead = 0): { ms: number; reason: BudgetWaitReason } {
    if (this.#blockedUntil > now) return { ms: this.#blockedUntil - now, reason: 'rate-limited' };
    const known = this.#known;
    if (!known || now >= known.resetAt) return { ms: 0, reason: 'share' };
    const cap = this.share * known.limit;
    const used = known.limit - known.remaining + this.#inFlight + Math.min(ahead, Math.max(0, Math.ceil(cap) - 1));
    // The sweep's share is spent: the rest of this window is left to webhooks; go on after the reset.
    return { ms: used >= cap ? known.resetAt - now : 0, reason: 'share' };
  }

  /**
   * Waits (injected sleep) until `requests` sweep requests could go, taking none. A sweep asks before
   * it takes a repository's lock, so it waits for the share out there and not while holding the lock
   * a push or a command on that repository needs.
   */
  async ready(requests = 1): Promise<void> {
    for (
      let wait = this.waitFor(this.deps.now(), requests - 1);
      wait.ms > 0;
      wait = this.waitFor(this.deps.now(), requests - 1)
    ) {
      this.deps.onWait?.(wait.reason, wait.ms);
      await this.deps.sleep(wait.ms);
    }
  }

  /** Waits (injected sleep) until a sweep request may go, then counts it in flight until {@link done}. */
  async beforeRequest(): Promise<void> {
    await this.ready();
    this.#inFlight += 1;
  }

  /** The request {@link beforeRequest} let through has its answer. */
  done(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
  }
}
