import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock, isoSeconds, type EmulatorClock } from './clock.js';
import { Faults } from './faults.js';
import { HttpError } from './http-error.js';
import { requestId, runPipeline, type Outcome, type PipelineDeps } from './pipeline.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { RequestLog, type RequestLogMode } from './request-log.js';
import { matchRoute, type EmulatorLimits, type Route } from './router.js';
import { allRoutes } from './routes/index.js';
import { createSeeder, type Seeder } from './seed.js';
import { Store } from './store.js';
import { sendWebhook, type WebhookDelivery, type WebhookResult } from './webhooks.js';
import { createUserActions, type UserActions } from './user-actions.js';
import type { DeliveryRecord, HeldDeliveries, WebhookSubscription } from './webhook-dispatcher.js';
import { dispatcherOf } from './webhook-events.js';

export interface EmulatorOptions {
  clock?: EmulatorClock;
  rateLimits?: Partial<RateLimitOptions>;
  limits?: Partial<EmulatorLimits>;
  /** Default 0: any free port. */
  port?: number;
  /**
   * Added to every answer, in ms (default 0): GitHub's round trip, so a bench's wall time reflects the
   * network a sweep waits on, not only CPU. Real time, not the emulator's clock.
   */
  latencyMs?: number;
  /** `counters` keeps tallies only (request-log.ts); default `entries`. */
  requestLog?: RequestLogMode;
  /**
   * Deliver the webhooks of writes made through the API to this URL (the App's `hook_attributes.url`),
   * as `webhooks.subscribe` does later. Without it (or a later subscribe) nothing is delivered.
   */
  webhooks?: WebhookSubscription;
}

/** The webhooks GitHub sends for writes (webhook-dispatcher.ts). */
export interface EmulatorWebhooks {
  /** Delivers to an App's URL from now on; returns the unsubscribe. */
  subscribe(subscription: WebhookSubscription): () => void;
  /** Every delivery addressed so far, in order, with the App's answer once sent. */
  readonly deliveries: readonly DeliveryRecord[];
  /** Resolves once every queued delivery was answered (and what the App wrote meanwhile delivered). */
  settled(options?: { timeoutMs?: number }): Promise<void>;
  /** Sets aside matching deliveries until released. */
  hold(filter: (delivery: DeliveryRecord) => boolean): HeldDeliveries;
}

export interface GitHubEmulator {
  /** `http://127.0.0.1:PORT` — the Action's `GITHUB_API_URL`. */
  url: string;
  /** `http://127.0.0.1:PORT/api/v3` — the base Probot uses under `GHE_HOST` + `GHE_PROTOCOL=http`. */
  apiV3Url: string;
  /** `127.0.0.1:PORT` — the value for `GHE_HOST`. */
  host: string;
  clock: EmulatorClock;
  store: Store;
  seed: Seeder;
  log: RequestLog;
  faults: Faults;
  rateLimiter: RateLimiter;
  routes: readonly Route[];
  webhooks: EmulatorWebhooks;
  /** What people do in the web interface, with its webhooks (user-actions.ts). */
  act: UserActions;
  /** Sends a signed delivery; the secret defaults to the first seeded App's webhook secret. */
  deliver(delivery: Omit<WebhookDelivery, 'secret'> & { secret?: string }): Promise<WebhookResult>;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  bodyMaxChars: 65_536,
  compareMaxFiles: 300,
  compareMaxCommits: 250,
  maxPatchBytes: 400_000,
  tokenLifetimeMs: 3_600_000,
};

/** Starts the emulator on 127.0.0.1 (loopback only: tests never reach the network). */
export async function startGitHubEmulator(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
  const clock = options.clock ?? createClock();
  const store = new Store();
  const deps: PipelineDeps = {
    store,
    clock,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    rateLimiter: new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, clock),
  };
  const log = new RequestLog(options.requestLog);
  const faults = new Faults();
  const latencyMs = options.latencyMs ?? 0;
  const server = createServer((req, res) => {
    handleRequest(req, res, { deps, log, faults, origin: origin(), latencyMs }).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `emulator bug: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = (): string => `http://127.0.0.1:${port}`;
  const seed = createSeeder(store, clock);
  const dispatcher = dispatcherOf(store);
  if (options.webhooks) dispatcher.subscribe(options.webhooks);
  const emulator: GitHubEmulator = {
    url: origin(),
    apiV3Url: `${origin()}/api/v3`,
    host: `127.0.0.1:${port}`,
    clock,
    store,
    seed,
    log,
    faults,
    rateLimiter: deps.rateLimiter,
    routes: allRoutes,
    webhooks: {
      subscribe: (subscription) => dispatcher.subscribe(subscription),
      deliveries: dispatcher.deliveries,
      settled: (settle) => dispatcher.settled(settle),
      hold: (filter) => dispatcher.hold(filter),
    },
    act: createUserActions(store, clock, { apiBase: `${origin()}/api/v3`, htmlBase: origin() }),
    deliver: (delivery) => {
      const secret = delivery.secret ?? [...store.apps.values()][0]?.webhookSecret;
      if (secret === undefined) throw new Error('emulator: seed an App (or pass a secret) before delivering webhooks');
      return sendWebhook({ ...delivery, secret });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        running.delete(emulator.host);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  running.set(emulator.host, emulator);
  return emulator;
}

const running = new Map<string, GitHubEmulator>();

/** The emulator of this process listening at `host` (`127.0.0.1:PORT`, a `GHE_HOST`), if any. */
export const emulatorAt = (host: string | undefined): GitHubEmulator | undefined =>
  host === undefined ? undefined : running.get(host);

interface HandlerEnv {
  deps: PipelineDeps;
  log: RequestLog;
  faults: Faults;
  origin: string;
  latencyMs: number;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, env: HandlerEnv): Promise<void> {
  const url = new URL(req.url ?? '/', env.origin);
  const method = req.method ?? 'GET';
  // GitHub Enterprise serves the REST API under /api/v3; github.com at the root. Serve both.
  const prefixed = url.pathname === '/api/v3' || url.pathname.startsWith('/api/v3/');
  const pathname = prefixed ? url.pathname.slice('/api/v3'.length) || '/' : url.pathname;
  const match = matchRoute(allRoutes, method, pathname);
  const routeName = match ? `${method} ${match.route.path}` : null;
  const bodyText = await readBody(req);
  // Before the request is handled: what it reads and writes is the state after its round trip.
  if (env.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, env.latencyMs));
  const record = (
    outcome: Pick<Outcome, 'status' | 'principal' | 'counted' | 'notModified'>,
    fault: string | null,
  ): void => {
    const principal = outcome.principal;
    const installationId = principal?.kind === 'token' ? principal.token.installationId : null;
    env.log.record({
      at: isoSeconds(env.deps.clock.now()),
      method,
      path: pathname + url.search,
      route: routeName,
      status: outcome.status,
      installationId,
      counted: outcome.counted,
      notModified: outcome.notModified,
      fault,
    });
  };

  const fault = env.faults.take(method, match?.route.path ?? null, pathname + url.search);
  if (fault?.kind === 'drop') {
    record({ status: 0, principal: null, counted: false, notModified: false }, 'drop');
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  if (fault?.kind === 'status') {
    const body = fault.body ?? { message: fault.status >= 500 ? 'Server Error' : 'Injected fault' };
    write(res, env, { status: fault.status, headers: fault.headers ?? {}, payload: JSON.stringify(body) });
    record({ status: fault.status, principal: null, counted: false, notModified: false }, `status ${fault.status}`);
    return;
  }
  if (!match) {
    const error = new HttpError(404, 'Not Found');
    write(res, env, { status: 404, headers: {}, payload: JSON.stringify(error.body()) });
    record({ status: 404, principal: null, counted: false, notModified: false }, null);
    return;
  }
  const apiBase = env.origin + (prefixed ? '/api/v3' : '');
  const outcome = await runPipeline({ req, match, url, apiBase, htmlBase: env.origin, bodyText }, env.deps);
  if (fault?.kind === 'hook') await fault.run({ method, path: pathname + url.search });
  write(res, env, outcome);
  record(outcome, fault?.kind === 'delay' ? `delay ${fault.ms}` : null);
}

function write(res: ServerResponse, env: HandlerEnv, outcome: Pick<Outcome, 'status' | 'headers' | 'payload'>): void {
  res.writeHead(outcome.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': requestId(),
    // The emulator's clock, so @octokit/auth-app can correct JWT skew from it as it does on GitHub.
    date: env.deps.clock.now().toUTCString(),
    ...outcome.headers,
  });
  res.end(outcome.status === 304 ? undefined : outcome.payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
