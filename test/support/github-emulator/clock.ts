/**
 * The emulator's clock. Secret timestamps, token expiry, JWT checks, rate-limit windows and the
 * `Date` header all read it, so a test moves time with `advance()` instead of sleeping
 * (nothing sleeps).
 */
export interface EmulatorClock {
  now(): Date;
  /** Moves the clock forward (or back, with a negative value). */
  advance(ms: number): void;
  set(date: Date): void;
}

/**
 * A frozen clock that starts at `start` (default: the real time at creation, so JWTs that a real
 * Octokit signs with the host clock are accepted) and moves only when told.
 */
export function createClock(start: Date = new Date()): EmulatorClock {
  // Whole seconds: GitHub's timestamps and JWT claims carry no milliseconds.
  let current = Math.floor(start.getTime() / 1000) * 1000;
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

/** GitHub's timestamp form: ISO 8601 in UTC without milliseconds, e.g. `2011-04-14T16:00:49Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
