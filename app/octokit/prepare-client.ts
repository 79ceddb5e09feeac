import type { Redis } from 'ioredis';
import type { Probot } from 'probot';
import { AppMetrics } from '../metrics/app-metrics.js';
import { attachMetrics } from '../metrics/metrics-of.js';
import { useRequestMetrics } from './use-request-metrics.js';
import { connectRedis } from './connect-redis.js';
import { authInstallation, cachedToken } from './auth-installation.js';
import { ContentPacer, type PacerDeps, type WritePacer } from './content-pacer.js';
import { EtagCache, useEtagCache, type EtagStore } from './etag-cache.js';
import { createEtagSealer } from './etag-sealer.js';
import type { AppOctokit } from './octokit.js';
import { RedisContentPacer } from './redis-content-pacer.js';
import { RedisEtagCache } from './redis-etag-cache.js';
import { RequestBudget } from './request-budget.js';
import { MemoryTokenCache, RedisTokenCache, type TokenCache } from './token-cache.js';
import { useRequestBudget } from './use-request-budget.js';

/** What the app's installation clients share in this process (and, with Redis, across processes). */
export interface ClientCare {
  /** ETags and bodies of GET answers, by installation, URL and media type (with Redis and the private key, all shared encrypted; with Redis alone, only secret metadata and the like). */
  etags: EtagStore;
  /**
   * Installation tokens, each used by every sweep client until shortly before it expires: with Redis
   * and the private key, shared sealed by every process (one token per installation an hour, one
   * ETag space); otherwise this process's.
   */
  tokens: TokenCache;
  /** One write pacer per installation: GitHub counts secondary limits per installation. */
  pacerOf: (installationId: number) => WritePacer;
  /** One request budget per installation: what its answers say of the hourly limit, and the sweeps' share. */
  budgetOf: (installationId: number) => RequestBudget;
  metrics: AppMetrics;
  /** The connection behind the shared cache and pacers when `REDIS_URL` is set. */
  redis?: Redis;
  /** Closes the Redis connection this care opened (not one it was given). */
  close(): Promise<void>;
}

export interface CareOptions {
  /** Share of each installation's hourly limit a sweep may spend (`KEY_HYGIENE_BUDGET_SHARE`, default 0.5). */
  budgetShare?: number;
  /** `REDIS_URL`: share the ETag cache and the write pacers with every process that uses it. */
  redisUrl?: string;
  /** An open connection to use instead of `redisUrl` (tests; a worker's own). */
  redis?: Redis;
  /**
   * The App's PEM private key: with Redis, every GET answer is shared, encrypted with a key derived
   * from it (app/octokit/etag-sealer.ts). Absent, only answers without text people wrote are shared.
   */
  privateKey?: string;
  metrics?: AppMetrics;
}

export const DEFAULT_BUDGET_SHARE = 0.5;

/**
 * Fresh caches; pacers and budgets read `deps.now` and wait with `deps.sleep` (tests move a clock
 * instead). With Redis the ETag cache and the pacers are Redis's, otherwise this process's.
 */
export function createClientCare(deps: PacerDeps, options: CareOptions = {}): ClientCare {
  const metrics = options.metrics ?? new AppMetrics();
  const redis = options.redis ?? (options.redisUrl ? connectRedis(options.redisUrl) : undefined);
  const share = options.budgetShare ?? DEFAULT_BUDGET_SHARE;
  const pacerDeps: PacerDeps = {
    now: deps.now,
    sleep: (ms) => {
      metrics.pacerWaited(ms);
      return deps.sleep(ms);
    },
  };
  const budgetDeps = { ...deps, onWait: metrics.budgetWaited.bind(metrics) };
  const pacers = new Map<number, WritePacer>();
  const budgets = new Map<number, RequestBudget>();
  const sealer = options.privateKey ? createEtagSealer(options.privateKey) : undefined;
  return {
    etags: redis ? new RedisEtagCache(redis, { ...(sealer && { sealer }) }) : new EtagCache(),
    // A token goes to Redis only sealed: without the PEM each process keeps its own.
    tokens: redis && sealer ? new RedisTokenCache(redis, sealer, deps.now) : new MemoryTokenCache(deps.now),
    pacerOf: (id) => {
      let pacer = pacers.get(id);
      if (!pacer)
        pacers.set(
          id,
          (pacer = redis
            ? new RedisContentPacer(redis, `key-hygiene:writes:${id}`, pacerDeps)
            : new ContentPacer(undefined, pacerDeps)),
        );
      return pacer;
    },
    budgetOf: (id) => {
      let budget = budgets.get(id);
      if (!budget) budgets.set(id, (budget = new RequestBudget(share, budgetDeps)));
      return budget;
    },
    metrics,
    ...(redis && { redis }),
    close: async () => {
      if (redis && !options.redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const prepared = new WeakSet<object>();

export interface PrepareOptions {
  /**
   * A sweep's client: it waits when the installation has spent the sweeps' share of its hourly
   * limit, and after a 403/429 for as long as GitHub asks. Webhook handlers' clients don't wait
   * (they stay responsive); they still report what they learn to the installation's budget.
   */
  sweep?: boolean;
  /** The token the client's requests go with: its ETags are that token's (`useEtagCache`). */
  tokenOf?: () => Promise<string>;
}

/**
 * Readies an installation client once, its hooks from the wire outwards: each exchange counted
 * (metrics); every content-creating request spaced under GitHub's secondary limits
 * (≤ 80 a minute); the request budget; conditional GETs from the ETag cache.
 */
export function prepareClient<T extends AppOctokit>(
  octokit: T,
  installationId: number,
  care: ClientCare,
  options: PrepareOptions = {},
): T {
  if (prepared.has(octokit)) return octokit;
  prepared.add(octokit);
  attachMetrics(octokit, care.metrics);
  const pacer = care.pacerOf(installationId);
  useRequestMetrics(octokit, care.metrics);
  octokit.hook.before('request', async (options) => {
    // Minting the installation token is the app's own request, not content.
    if (WRITES.has(String(options.method).toUpperCase()) && !String(options.url).includes('/access_tokens'))
      await pacer.take();
  });
  useRequestBudget(octokit, care.budgetOf(installationId), {
    sweep: options.sweep ?? false,
    onReading: (reading) => care.metrics.rateLimit(installationId, reading.limit, reading.remaining),
  });
  return useEtagCache(octokit, installationId, care.etags, options.tokenOf);
}

/**
 * Every client `app.auth(installationId)` hands out — the sweeps' — takes its token from
 * `care.tokens` (one per installation for its hour, across processes with Redis: app/octokit/auth-installation.ts)
 * and is prepared as a sweep client; the app's JWT client reads conditionally too
 * (`GET /app/installations` each sweep). Webhook handlers prepare `context.octokit` themselves
 * (Probot builds that one, with a token of its own, without `app.auth`).
 */
export function prepareAppAuth(app: Probot, care: ClientCare): void {
  const auth = app.auth.bind(app);
  app.auth = async (installationId?: number) => {
    const appOctokit = await auth();
    if (installationId === undefined)
      return useEtagCache(useRequestMetrics(appOctokit, care.metrics), 'app', care.etags);
    const client = await authInstallation(appOctokit, installationId, care.tokens);
    return prepareClient(client, installationId, care, {
      sweep: true,
      tokenOf: () => cachedToken(care.tokens, installationId),
    });
  };
}
