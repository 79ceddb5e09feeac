/**
 * Per-route fault injection: the failures production meets (5xx, slow answers, dropped
 * connections), on demand, so retry and timeout paths are tested against a real socket.
 */
export type FaultKind =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  /**
   * Not a failure: `run` is awaited once the request was handled and before its answer is sent —
   * whatever it does (a person's edit, a webhook delivered) lands between this read and the
   * caller's next request, deterministically.
   */
  | { kind: 'hook'; run: (request: { method: string; path: string }) => Promise<void> | void };

export type FaultRule = FaultKind & {
  /** `GET`, `POST`…; any method when absent. */
  method?: string;
  /** The OpenAPI path template (e.g. `/repos/{owner}/{repo}/actions/secrets`); any route when absent. */
  route?: string;
  /** Matched against the request's path and query (e.g. `/^\/repos\/acme\/api\//`); any when absent. */
  path?: RegExp;
  /** How many matching requests fail (default 1; `Infinity` for all). */
  times?: number;
  /** Matching requests to let through before failing (default 0). */
  skip?: number;
};

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
  skip: number;
}

export class Faults {
  private rules: ActiveRule[] = [];

  inject(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? 1, skip: rule.skip ?? 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if one is due; consumes one use of it. */
  take(method: string, route: string | null, path = ''): FaultKind | null {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.route && rule.route !== route) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (active.remaining <= 0) continue;
      if (active.skip > 0) {
        active.skip -= 1;
        continue;
      }
      active.remaining -= 1;
      return rule;
    }
    return null;
  }
}
