import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { routeFamily } from './route-family.js';

/** How a request to GitHub ended, as the request counter labels it. */
export type RequestResult = '2xx' | '304' | '3xx' | '4xx' | '5xx' | 'rate-limited' | 'no-response';

/** What a sweep did to one repository. */
export type RepositoryOutcome = 'swept' | 'failed' | 'skipped';

/** What the app did to an issue. */
export type IssueWrite = 'opened' | 'closed' | 'commented' | 'relabelled' | 'updated';

/** Why a sweep client waited before a request. */
export type BudgetWaitReason = 'share' | 'rate-limited';

/**
 * The app's Prometheus metrics, in a registry of their own (not prom-client's global one: two apps
 * in one test process, or a worker and its server, never mix counts). Labels hold route templates,
 * methods, outcomes and installation ids — never a name, key or token.
 * https://prometheus.io/docs/practices/naming/
 */
export class AppMetrics {
  readonly registry = new Registry();

  readonly #requests = new Counter({
    name: 'key_hygiene_github_requests_total',
    help: 'Requests to the GitHub API, by route template, method and result (a 304 is free; rate-limited is a 403/429 that asked to wait).',
    labelNames: ['family', 'method', 'result'] as const,
    registers: [this.registry],
  });
  readonly #remaining = new Gauge({
    name: 'key_hygiene_rate_limit_remaining',
    help: 'X-RateLimit-Remaining of the last answer, per installation.',
    labelNames: ['installation'] as const,
    registers: [this.registry],
  });
  readonly #limit = new Gauge({
    name: 'key_hygiene_rate_limit_limit',
    help: 'X-RateLimit-Limit of the last answer (requests per hour), per installation.',
    labelNames: ['installation'] as const,
    registers: [this.registry],
  });
  readonly #headroom = new Gauge({
    name: 'key_hygiene_rate_limit_headroom_ratio',
    help: "Remaining / limit of the installation's primary rate limit (1 = untouched).",
    labelNames: ['installation'] as const,
    registers: [this.registry],
  });
  readonly #repositories = new Counter({
    name: 'key_hygiene_sweep_repositories_total',
    help: 'Repositories a sweep went through, by outcome (skipped: archived).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  #readSweepJobs: (() => Promise<Readonly<Record<string, number>>>) | undefined;
  readonly #sweepJobs = new Gauge({
    name: 'key_hygiene_sweep_jobs',
    help: 'Sweep jobs by state (waiting, active, delayed …), as the queue reports them.',
    labelNames: ['state'] as const,
    registers: [this.registry],
    // Read at each scrape when a queue is watched: the backlog as it is, not as it was.
    collect: async () => {
      if (this.#readSweepJobs) this.sweepJobs(await this.#readSweepJobs().catch(() => ({})));
    },
  });
  readonly #issues = new Counter({
    name: 'key_hygiene_issue_writes_total',
    help: 'Issues opened, closed, commented on, relabelled or updated.',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });
  readonly #pacerWaits = new Counter({
    name: 'key_hygiene_content_pacer_waits_total',
    help: "Times a write waited for GitHub's secondary limits (80 a minute, 500 an hour).",
    registers: [this.registry],
  });
  readonly #pacerSeconds = new Counter({
    name: 'key_hygiene_content_pacer_wait_seconds_total',
    help: "Seconds writes waited for GitHub's secondary limits.",
    registers: [this.registry],
  });
  readonly #budgetWaits = new Counter({
    name: 'key_hygiene_budget_waits_total',
    help: 'Times a sweep request waited: its share of the hourly limit was spent, or GitHub asked to wait (403/429).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly #budgetSeconds = new Counter({
    name: 'key_hygiene_budget_wait_seconds_total',
    help: 'Seconds sweep requests waited, by reason.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** `processMetrics`: Node's own (CPU, memory, event loop) too — for a real process, not for tests. */
  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'key_hygiene_' });
  }

  /** One HTTP exchange with GitHub; `url` may be a template or an absolute URL. */
  request(method: string, url: string, result: RequestResult): void {
    this.#requests.inc({ family: routeFamily(url), method: method.toUpperCase(), result });
  }

  /** What the last answer's `X-RateLimit-*` headers said about one installation. */
  rateLimit(installation: number, limit: number, remaining: number): void {
    const labels = { installation: String(installation) };
    this.#limit.set(labels, limit);
    this.#remaining.set(labels, remaining);
    this.#headroom.set(labels, limit > 0 ? remaining / limit : 0);
  }

  repositories(outcome: RepositoryOutcome, count = 1): void {
    this.#repositories.inc({ outcome }, count);
  }

  /** The queue's job counts (BullMQ's `getJobCounts()`): the sweep backlog. */
  sweepJobs(counts: Readonly<Record<string, number>>): void {
    for (const [state, count] of Object.entries(counts)) this.#sweepJobs.set({ state }, count);
  }

  /** Reads the queue's job counts at every scrape (a failed read keeps the last values). */
  watchSweepJobs(read: () => Promise<Readonly<Record<string, number>>>): void {
    this.#readSweepJobs = read;
  }

  issue(action: IssueWrite): void {
    this.#issues.inc({ action });
  }

  pacerWaited(ms: number): void {
    this.#pacerWaits.inc();
    this.#pacerSeconds.inc(ms / 1000);
  }

  budgetWaited(reason: BudgetWaitReason, ms: number): void {
    this.#budgetWaits.inc({ reason });
    this.#budgetSeconds.inc({ reason }, ms / 1000);
  }

  /** The text exposition format Prometheus scrapes. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
