/** Failures on demand, by path prefix: the vendor's errors (`failNext`) or any raw answer (`intercept`). */

export interface InjectedFailure {
  status: number;
  /** Seconds, sent as `retry-after` (a number: the SDK and our client read seconds). */
  retryAfter?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Replaces the vendor's error JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A raw answer from `intercept`: anything a hostile or broken server might send, or no answer at all. */
export type Intercepted = { status: number; headers?: Record<string, string>; body: string | Buffer } | 'hang';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
}

interface Armed<T> {
  prefix: string;
  left: number;
  what: T;
}

function take<T>(armed: Armed<T>[], path: string): T | undefined {
  const found = armed.find((a) => a.left > 0 && path.startsWith(a.prefix));
  if (found) found.left -= 1;
  return found?.what;
}

export class Faults {
  private readonly failures: Armed<InjectedFailure>[] = [];
  private readonly intercepts: Armed<(request: RecordedRequest) => Intercepted>[] = [];

  failNext(prefix: string, failure: InjectedFailure): void {
    this.failures.push({ prefix, left: failure.times ?? 1, what: failure });
  }

  intercept(prefix: string, answer: (request: RecordedRequest) => Intercepted, times = 1): void {
    this.intercepts.push({ prefix, left: times, what: answer });
  }

  /** The intercept due for this request (checked first), consuming one use of it. */
  takeIntercept(path: string): ((request: RecordedRequest) => Intercepted) | undefined {
    return take(this.intercepts, path);
  }

  takeFailure(path: string): InjectedFailure | undefined {
    return take(this.failures, path);
  }
}
