/** What `failNext` answers instead of the real route. */
export interface FailureSeed {
  /** The status to answer with (429, 500, 503, 302…). Omit with `delayMs` to only delay a real answer. */
  status?: number;
  /** Seconds for `Retry-After` (429 and 503). */
  retryAfter?: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** Extra headers (e.g. `location` for a 3xx). */
  headers?: Record<string, string>;
  /** The body, as sent; default OpenAI's error JSON for the status. */
  body?: string;
  /** Real milliseconds to wait before answering (for client timeouts). */
  delayMs?: number;
}

interface Pending extends FailureSeed {
  prefix: string;
  left: number;
}

/** Failures queued per path prefix (under `/v1`), taken first come first served. */
export class Faults {
  private pending: Pending[] = [];
  private tampers: { prefix: string; edit: (body: unknown) => unknown }[] = [];

  add(prefix: string, failure: FailureSeed): void {
    this.pending.push({ ...failure, prefix: underV1(prefix), left: failure.times ?? 1 });
  }

  take(path: string): FailureSeed | undefined {
    const index = this.pending.findIndex((f) => path.startsWith(f.prefix));
    if (index < 0) return undefined;
    const failure = this.pending[index]!;
    failure.left -= 1;
    if (failure.left <= 0) this.pending.splice(index, 1);
    return failure;
  }

  tamper(prefix: string, edit: (body: unknown) => unknown): () => void {
    const entry = { prefix: underV1(prefix), edit };
    this.tampers.push(entry);
    return () => {
      this.tampers = this.tampers.filter((t) => t !== entry);
    };
  }

  edit(path: string, body: unknown): unknown {
    return this.tampers.filter((t) => path.startsWith(t.prefix)).reduce((b, t) => t.edit(b), body);
  }
}

/** `/v1/organization/projects` and `/organization/projects` name the same routes. */
export function underV1(path: string): string {
  return path.startsWith('/v1/') || path === '/v1' ? path.slice(3) || '/' : path;
}

export function failureBody(status: number): string {
  const [message, type, code] =
    status === 429
      ? ['Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded']
      : status >= 500
        ? ['The server had an error while processing your request. Sorry about that!', 'server_error', null]
        : [`Injected ${status}.`, 'invalid_request_error', null];
  return JSON.stringify({ error: { message, type, param: null, code } });
}
