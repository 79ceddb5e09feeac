/**
 * # A local emulator of OpenAI's Administration API
 *
 * A real HTTP server on 127.0.0.1 (random port) that answers like `https://api.openai.com/v1` for the
 * admin endpoints Key Hygiene reads, with the shapes of the official `openai` SDK's types
 * (`node_modules/openai/resources/admin/organization/**.d.ts`; `test/support/openai-admin-emulator.test.ts`
 * drives it through the SDK). Stateful, paginated, authenticated like OpenAI, with a clock that moves only
 * when told.
 *
 * ```ts
 * import { startOpenAiAdminEmulator } from '../support/openai-admin-emulator.js';
 *
 * const openai = await startOpenAiAdminEmulator({ now: new Date('2026-06-01T00:00:00Z') });
 * const admin = openai.addAdminKey({ name: 'audit', expiresAt: { daysAgo: -90 } }); // { id, value, redacted }
 * const web = openai.addProject({ name: 'web' });                                     // { id, name }
 * const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });   // { id, name, email }
 * const bot = openai.addServiceAccount(web.id, 'deploy-bot');                         // { id, name }
 * const old = openai.addKey(web.id, { name: 'prod', owner: mona.id, createdAt: { daysAgo: 400 }, lastUsedAt: { hoursAgo: 2 } });
 * const ci = openai.addKey(web.id, { name: 'ci', owner: bot.id });                    // sk-svcacct-… value
 * openai.recordUsage(old.id, { hoursAgo: 1 }, { requests: 300, inputTokens: 9_000, outputTokens: 1_000 });
 * openai.removeUser(web.id, mona.id);          // mona's keys now list as owner_project_access: 'inactive'
 *
 * // CLI / Action: OPENAI_ADMIN_KEY=admin.value OPENAI_BASE_URL=openai.url
 * // SDK: new OpenAI({ adminAPIKey: admin.value, baseURL: openai.url })
 * openai.failNext('/organization/projects', { status: 429, retryAfter: 1 }); // next matching request only
 * openai.clock.advance(86_400_000);            // time moves only when told
 * openai.requestCount('/organization/projects'); // requests so far whose path starts so
 * openai.key(old.id)?.deleted;                 // after a revoke
 * await openai.close();
 * ```
 *
 * ## Seeding API (stable: the audit CLI, the App, verify and incident tests use it)
 * - `addProject({ name, archived?, createdAt? }) → { id, name }`
 * - `archiveProject(projectId)`
 * - `addUser(projectId, { name, email, role? }) → { id, name, email }` (the same email is the same user)
 * - `removeUser(projectId, userId)`: the user leaves; their keys stay enabled, listed as `inactive`
 * - `addServiceAccount(projectId, name, { createdAt? }?) → { id, name }`
 * - `removeServiceAccount(projectId, serviceAccountId)`: deletes it and its keys
 * - `addKey(projectId, { name, owner, createdAt?, lastUsedAt?, expiresAt?, redacted? }) → { id, value, redacted }`;
 *   `owner` is a user id or a service-account id of that project; the value is `sk-proj-…` for a user's
 *   key, `sk-svcacct-…` for a service account's, made at test time by the seeded generators
 * - `addAdminKey({ name, ownerName?, createdAt?, lastUsedAt?, expiresAt? }) → { id, value, redacted }` (`sk-admin-…`)
 * - `deleteKey(keyId)`: as someone would in the dashboard (project or admin key)
 * - `recordUsage(keyId, at, { requests, inputTokens?, outputTokens?, endpoint?, model?, units? })`: `at` and
 *   every time above is a `Date` or an age against the clock, `{ daysAgo?, hoursAgo?, minutesAgo? }`
 *   (negative = in the future). Recording use moves the key's `last_used_at` forward to `at`.
 * - `key(keyId) → { id, name, projectId, deleted, lastUsedAt, … } | undefined`: the record, to assert a revoke
 * - `failNext(pathPrefix, { status?, retryAfter?, times?, headers?, body?, delayMs? })`, `tamper(pathPrefix, edit)`,
 *   `requestCount(pathPrefix?)`, `requests` (method, path, status; never a header), `clock`, `close()`.
 *   Path prefixes may be given with or without `/v1`.
 *
 * ## Behaviour
 * - Admin endpoints (`/v1/organization/…`) accept a seeded admin key in `Authorization: Bearer`
 *   (expired or deleted: 401); a project key there answers 403; anything else 401 — OpenAI's error JSON
 *   `{ error: { message, type, param, code } }`, naming the key only masked (`sk-proj-****…abcd`). An
 *   admin key's `last_used_at` moves to the clock's now each time it is accepted (a used key is used).
 * - `GET /v1/models` answers a project key's value: 200 while the key exists, has not expired and its
 *   project is not archived (a key whose owner lost access still works: the SDK calls such keys
 *   "enabled"); 401 otherwise; an admin key there answers 403. It does not move `last_used_at`. The
 *   provider record's live check is `https://api.openai.com` + `/v1/models`: give it `openai.origin`.
 * - Lists: `limit` 1–100 (default 20), `after`; projects hide archived ones unless `include_archived=true`;
 *   project keys without `owner_project_access` leave out keys whose owner lost access (the SDK: "may
 *   exclude some enabled keys"), `any` lists them.
 * - `DELETE …/api_keys/{key_id}` deletes user and service-account keys alike (the SDK's doc comment:
 *   "including keys owned by service accounts"; `serviceAccountKeyDelete: 'refused'` answers 400 for
 *   those instead, as OpenAI's reference once said); writes to an archived project answer 400.
 * - Usage: `completions`, `embeddings`, `moderations`, `images`, `audio_speeches`, `audio_transcriptions`
 *   (openai-admin/usage.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock, type EmulatorClock } from './github-emulator/clock.js';
import { OpenAiError } from './openai-admin/errors.js';
import { Faults, failureBody, underV1, type FailureSeed } from './openai-admin/faults.js';
import { maskForError } from './openai-admin/key-values.js';
import { matchRoute } from './openai-admin/routes.js';
import { createSeeding, type Seeding } from './openai-admin/seed.js';
import { Store, type KeyRecord } from './openai-admin/store.js';

export type { SeededKey, KeySeed, AdminKeySeed, UsageSeed } from './openai-admin/seed.js';
export type { SeedTime } from './openai-admin/store.js';
export type { FailureSeed } from './openai-admin/faults.js';
export { redactOpenAiKey } from './openai-admin/key-values.js';

export interface OpenAiAdminEmulatorOptions {
  /** The clock's start; default the real time now (whole seconds). */
  now?: Date;
  /** Seeds the ids and key values; default 1. Two emulators with different seeds make different keys. */
  seed?: number;
  /**
   * `refused`: `DELETE …/api_keys/{key_id}` answers 400 for a service account's key, as OpenAI's reference
   * once said; default `allowed`, as the SDK v7 documents.
   */
  serviceAccountKeyDelete?: 'allowed' | 'refused';
}

export interface RequestEntry {
  method: string;
  /** Under `/v1`, without the query. */
  path: string;
  query: string;
  status: number;
}

export interface OpenAiAdminEmulator extends Seeding {
  /** `http://127.0.0.1:PORT/v1`: the SDK's `baseURL`, the CLI's `OPENAI_BASE_URL`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  clock: EmulatorClock;
  key(keyId: string): Readonly<Omit<KeyRecord, 'value'>> | undefined;
  failNext(pathPrefix: string, failure: FailureSeed): void;
  /** Rewrites the JSON answers of matching paths until the returned function is called. */
  tamper(pathPrefix: string, edit: (body: unknown) => unknown): () => void;
  requestCount(pathPrefix?: string): number;
  readonly requests: readonly RequestEntry[];
  close(): Promise<void>;
}

export async function startOpenAiAdminEmulator(options: OpenAiAdminEmulatorOptions = {}): Promise<OpenAiAdminEmulator> {
  const clock = createClock(options.now);
  const store = new Store(clock, options.seed ?? 1);
  store.refuseServiceAccountKeyDelete = options.serviceAccountKeyDelete === 'refused';
  const faults = new Faults();
  const requests: RequestEntry[] = [];
  const server = createServer((req, res) => {
    handle(req, res, { store, faults, requests }).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `emulator bug: ${String(error)}`, type: 'server_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...createSeeding(store),
    url: `${origin}/v1`,
    origin,
    clock,
    key: (keyId) => {
      const record = store.keys.get(keyId);
      if (!record) return undefined;
      const { value, ...rest } = record;
      void value;
      return rest;
    },
    failNext: (prefix, failure) => faults.add(prefix, failure),
    tamper: (prefix, edit) => faults.tamper(prefix, edit),
    requestCount: (prefix = '/') => requests.filter((r) => r.path.startsWith(underV1(prefix))).length,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

interface Env {
  store: Store;
  faults: Faults;
  requests: RequestEntry[];
}

async function handle(req: IncomingMessage, res: ServerResponse, env: Env): Promise<void> {
  for await (const chunk of req) void chunk; // admin reads and deletes carry no body we need
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const path = underV1(url.pathname);
  const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
    env.requests.push({ method, path, query: url.search, status });
    if (res.destroyed) return;
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': `req_${env.requests.length}`,
      ...headers,
    });
    res.end(body);
  };
  const failure = env.faults.take(path);
  if (failure?.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
  if (failure?.status !== undefined) {
    const retry: Record<string, string> =
      failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
    send(failure.status, failure.body ?? failureBody(failure.status), { ...retry, ...failure.headers });
    return;
  }
  try {
    if (!url.pathname.startsWith('/v1/'))
      throw new OpenAiError(404, `Invalid URL (${method} ${url.pathname})`, 'invalid_request_error');
    const match = matchRoute({ method, path, query: url.searchParams });
    if (!match) throw new OpenAiError(404, `Invalid URL (${method} ${url.pathname})`, 'invalid_request_error');
    authenticate(env.store, req.headers.authorization, match.route.auth);
    const body = match.route.handle(env.store, match.params, url.searchParams);
    send(200, JSON.stringify(env.faults.edit(path, body)));
  } catch (error) {
    if (!(error instanceof OpenAiError)) throw error;
    send(error.status, JSON.stringify(error.body()), error.headers);
  }
}

function authenticate(store: Store, header: string | undefined, auth: 'admin' | 'project'): void {
  const bearer = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!bearer) {
    throw new OpenAiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_request_error',
    );
  }
  const key = store.keyByValue(bearer);
  const usable =
    key && !store.isExpired(key) && (key.projectId === null || store.project(key.projectId).archivedAt === null);
  if (!key || !usable) {
    throw new OpenAiError(
      401,
      `Incorrect API key provided: ${maskForError(bearer)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      'invalid_api_key',
    );
  }
  const isAdmin = key.projectId === null;
  if (auth === 'admin' && !isAdmin) {
    throw new OpenAiError(
      403,
      'You have insufficient permissions for this operation. An admin key is required (https://platform.openai.com/settings/organization/admin-keys).',
      'invalid_request_error',
      'insufficient_permissions',
    );
  }
  if (auth === 'project' && isAdmin) {
    throw new OpenAiError(
      403,
      'An admin key cannot call this endpoint.',
      'invalid_request_error',
      'insufficient_permissions',
    );
  }
  if (isAdmin) key.lastUsedAt = store.nowSeconds();
}
