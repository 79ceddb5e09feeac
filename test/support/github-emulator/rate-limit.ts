import type { EmulatorClock } from './clock.js';

/**
 * Primary and secondary rate limits.
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
export interface RateLimitOptions {
  /** Primary budget per caller per hour (installation tokens: 5,000 before scaling). */
  limit: number;
  /** Status past the primary budget: GitHub answers 403 or 429. */
  exceededStatus: 403 | 429;
  /** Content-creating requests (POST, PATCH, PUT, DELETE) allowed per minute and per hour. */
  contentPerMinute: number;
  contentPerHour: number;
  /** Concurrent requests allowed per caller. */
  maxConcurrent: number;
  /** `Retry-After` sent with a secondary-limit answer. */
  secondaryRetryAfterSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  limit: 5000,
  exceededStatus: 403,
  contentPerMinute: 80,
  contentPerHour: 500,
  maxConcurrent: 100,
  secondaryRetryAfterSeconds: 60,
};

export interface RateStatus {
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds. */
  reset: number;
}

interface Bucket {
  windowStart: number;
  used: number;
  limit: number;
  content: number[];
  inFlight: number;
}

const HOUR = 3_600_000;

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  private overrides = new Map<string, number>();

  constructor(
    readonly options: RateLimitOptions,
    private clock: EmulatorClock,
  ) {}

  /** Sets the primary budget of one caller (`installation:<id>`, `app:<id>`, `token:<token>`). */
  setLimit(key: string, limit: number): void {
    this.overrides.set(key, limit);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.limit = limit;
  }

  status(key: string): RateStatus {
    const bucket = this.bucket(key);
    return {
      limit: bucket.limit,
      remaining: Math.max(0, bucket.limit - bucket.used),
      used: bucket.used,
      reset: Math.floor((bucket.windowStart + HOUR) / 1000),
    };
  }

  exhausted(key: string): boolean {
    return this.status(key).remaining === 0;
  }

  consume(key: string): void {
    this.bucket(key).used += 1;
  }

  /** Seconds to wait when a content-creating request would pass the secondary limit, else null. */
  secondaryWait(key: string): number | null {
    const bucket = this.bucket(key);
    const now = this.clock.now().getTime();
    bucket.content = bucket.content.filter((at) => at > now - HOUR);
    const lastMinute = bucket.content.filter((at) => at > now - 60_000).length;
    if (lastMinute >= this.options.contentPerMinute || bucket.content.length >= this.options.contentPerHour) {
      return this.options.secondaryRetryAfterSeconds;
    }
    bucket.content.push(now);
    return null;
  }

  /** Tracks concurrency; returns false when the caller already has too many requests in flight. */
  enter(key: string): boolean {
    const bucket = this.bucket(key);
    if (bucket.inFlight >= this.options.maxConcurrent) return false;
    bucket.inFlight += 1;
    return true;
  }

  leave(key: string): void {
    this.bucket(key).inFlight -= 1;
  }

  private bucket(key: string): Bucket {
    const now = this.clock.now().getTime();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = {
        windowStart: now,
        used: 0,
        limit: this.overrides.get(key) ?? this.options.limit,
        content: [],
        inFlight: 0,
      };
      this.buckets.set(key, bucket);
    } else if (now >= bucket.windowStart + HOUR) {
      // The window resets an hour after it opened, as `x-ratelimit-reset` promised.
      bucket.windowStart = now;
      bucket.used = 0;
    }
    return bucket;
  }
}

export function rateLimitHeaders(status: RateStatus): Record<string, string> {
  return {
    'x-ratelimit-limit': String(status.limit),
    'x-ratelimit-remaining': String(status.remaining),
    'x-ratelimit-reset': String(status.reset),
    'x-ratelimit-used': String(status.used),
    'x-ratelimit-resource': 'core',
  };
}
