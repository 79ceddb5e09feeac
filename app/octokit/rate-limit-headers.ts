/** Response headers as Octokit hands them over (lower-case names). */
export type Headers = Readonly<Record<string, unknown>>;

/** The installation's primary rate limit as one answer reported it, on the local clock. */
export interface RateLimitReading {
  /** `X-RateLimit-Limit`: requests per hour. */
  limit: number;
  /** `X-RateLimit-Remaining` in this window. */
  remaining: number;
  /** When the window resets, in local epoch ms (already safe against clock skew). */
  resetAt: number;
}

/** GitHub says to retry only after the reset; its `Reset` is in whole seconds, so one more. */
const RESET_MARGIN_MS = 1_000;
/** No `Retry-After` and no reset to wait for: "wait for at least one minute" (GitHub's docs). */
const DEFAULT_LIMIT_WAIT_MS = 60_000;

/**
 * `X-RateLimit-Limit/Remaining/Reset` of one answer. The reset is an instant on GitHub's clock:
 * measured against the answer's own `Date` (GitHub's clock too) and laid onto `localNow`, so a host
 * clock that runs minutes off still waits exactly as long as GitHub meant. A 304 carries these
 * headers unchanged (it was not counted): trusting them counts only what GitHub counts.
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#checking-the-status-of-your-rate-limit
 */
export function readRateLimit(headers: Headers, localNow: number): RateLimitReading | undefined {
  const limit = whole(headers['x-ratelimit-limit']);
  const remaining = whole(headers['x-ratelimit-remaining']);
  const reset = whole(headers['x-ratelimit-reset']);
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  const serverNow = Date.parse(String(headers.date ?? ''));
  const untilReset = reset * 1000 - (Number.isNaN(serverNow) ? localNow : serverNow);
  return { limit, remaining, resetAt: localNow + Math.max(0, untilReset) + RESET_MARGIN_MS };
}

/**
 * How long GitHub asks a client to wait after this failed request, in ms — or undefined when it is
 * not a rate limit (a 403 for a missing permission is final). `Retry-After` first, then the primary
 * limit's reset (`X-RateLimit-Remaining: 0`), then a minute for a secondary limit without either.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */
export function rateLimitWaitMs(error: unknown, localNow: number): number | undefined {
  const failed = error as { status?: unknown; message?: unknown; response?: { headers?: Headers } } | null;
  if (failed?.status !== 403 && failed?.status !== 429) return undefined;
  const headers = failed.response?.headers ?? {};
  const retryAfter = whole(headers['retry-after']);
  if (retryAfter !== undefined) return retryAfter * 1000;
  if (String(headers['x-ratelimit-remaining']) === '0')
    return (readRateLimit(headers, localNow)?.resetAt ?? localNow + DEFAULT_LIMIT_WAIT_MS) - localNow;
  if (failed.status === 429 || /\brate limit\b/i.test(String(failed.message ?? ''))) return DEFAULT_LIMIT_WAIT_MS;
  return undefined;
}

function whole(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}
