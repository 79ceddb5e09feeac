import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock, type EmulatorClock } from './github-emulator/clock.js';
import { ApiError, errorBody, type Answer } from './anthropic-admin/http.js';
import { route } from './anthropic-admin/routes.js';
import { AdminState, partialKeyHint, type KeyStatus } from './anthropic-admin/state.js';

/**
 * A local stand-in for Anthropic's Admin API (README: `test/support/anthropic-admin/README.md`): a real
 * HTTP server on 127.0.0.1, stateful, driven by the official `@anthropic-ai/sdk` in
 * `anthropic-admin-emulator.test.ts` so its shapes are the vendor's.
 */
export interface AnthropicAdminEmulatorOptions {
  /** Where the clock starts (default: the real time now, whole seconds). It moves only when told. */
  now?: Date | string;
  /** Seeds ids and key values, so a run repeats (default 1). */
  seed?: number;
}

export interface SeededKey {
  id: string;
  /** The whole key (`sk-ant-api03-…AA`), made at test time; what a GitHub secret would hold. */
  value: string;
  /** `partial_key_hint` as the API shows it: `sk-ant-api03-R2D...igAA`. */
  redacted: string;
}

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

/** A raw answer from `intercept`: anything a hostile or broken server might send. */
export type Intercepted = { status: number; headers?: Record<string, string>; body: string | Buffer } | 'hang';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
}

export interface AnthropicAdminEmulator {
  /** `http://127.0.0.1:PORT`: the SDK's `baseURL` and `ANTHROPIC_BASE_URL` (the paths start with `/v1/`). */
  url: string;
  clock: EmulatorClock;
  addWorkspace(options: { name: string; archived?: boolean; createdAt?: Date | string }): { id: string; name: string };
  /** Archives a workspace; its keys become `archived`, as archiving does in the Console. */
  archiveWorkspace(id: string): void;
  /** The organisation's default workspace (listed only with `include_default=true`). */
  defaultWorkspace(): { id: string; name: string };
  addUser(options: {
    name: string;
    email: string;
    role?: 'user' | 'developer' | 'billing' | 'admin' | 'owner';
    addedAt?: Date | string;
  }): {
    id: string;
    name: string;
    email: string;
  };
  /** The user leaves the organisation; the keys they made stay as they were. */
  removeUser(id: string): void;
  addKey(options: {
    name: string;
    /** The user (or service account, `svcacct_…`) that made it. */
    createdBy: string;
    /** Default: the default workspace. */
    workspaceId?: string;
    createdAt?: Date | string;
    status?: Exclude<KeyStatus, 'expired'>;
    expiresAt?: Date | string | null;
    /** Who the key acts as: the creator (default), nobody (`null`, legacy keys), or another user. */
    principalUserId?: string | null;
  }): SeededKey;
  setKeyStatus(id: string, status: Exclude<KeyStatus, 'expired'>): void;
  /** The key's status as the API shows it now. */
  keyStatus(id: string): KeyStatus;
  addAdminKey(options?: { name?: string; status?: 'active' | 'inactive' }): SeededKey;
  /**
   * One request's use by a key (or `null`: Workbench use, which has no key), in the bucket of `at`.
   * `inputTokens` are the uncached input tokens.
   */
  recordUsage(
    keyId: string | null,
    at: Date | string,
    usage: {
      inputTokens: number;
      outputTokens: number;
      cacheReadTokens?: number;
      cacheCreationTokens?: number;
      model?: string;
    },
  ): void;
  /** The next `times` requests whose path starts with `pathPrefix` fail with `status` (429, 500, 529…). */
  failNext(pathPrefix: string, failure: InjectedFailure): void;
  /** The next `times` matching requests get what `answer` returns instead of the API's answer. */
  intercept(pathPrefix: string, answer: (request: RecordedRequest) => Intercepted, times?: number): void;
  /** Requests received (whatever their answer), optionally only those whose path starts with `pathPrefix`. */
  requestCount(pathPrefix?: string): number;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

const BODY_MAX = 65_536;

function toDate(value: Date | string | undefined, fallback: Date): Date {
  return value === undefined ? fallback : new Date(value);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > BODY_MAX) reject(new ApiError(413, 'Request body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: Answer, requestId: string): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': requestId, ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

/** Starts the emulator on 127.0.0.1 (loopback only) on a free port. */
export async function startAnthropicAdminEmulator(
  options: AnthropicAdminEmulatorOptions = {},
): Promise<AnthropicAdminEmulator> {
  const clock = createClock(options.now === undefined ? undefined : new Date(options.now));
  const state = new AdminState(options.seed ?? 1, clock.now());
  const failures: { prefix: string; failure: InjectedFailure; left: number }[] = [];
  const intercepts: { prefix: string; answer: (r: RecordedRequest) => Intercepted; left: number }[] = [];
  const requests: RecordedRequest[] = [];
  let served = 0;

  const take = <T extends { prefix: string; left: number }>(list: T[], path: string) => {
    const found = list.find((f) => f.left > 0 && path.startsWith(f.prefix));
    if (found) found.left -= 1;
    return found;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    served += 1;
    const requestId = `req_emu${String(served).padStart(6, '0')}`;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded = { method: req.method ?? 'GET', path: url.pathname, query: url.search };
    requests.push(recorded);
    try {
      const intercepted = take(intercepts, url.pathname);
      if (intercepted) {
        const raw = intercepted.answer(recorded);
        if (raw === 'hang') return; // the socket stays open until close()
        res.writeHead(raw.status, raw.headers);
        res.end(raw.body);
        return;
      }
      const failure = take(failures, url.pathname)?.failure;
      if (failure) {
        const headers = {
          ...failure.headers,
          ...(failure.retryAfter !== undefined && { 'retry-after': String(failure.retryAfter) }),
        };
        send(
          res,
          {
            status: failure.status,
            body: failure.body ?? errorBody(failure.status, 'Injected failure', requestId),
            headers,
          },
          requestId,
        );
        return;
      }
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        throw new ApiError(400, 'Request body is not valid JSON');
      }
      const answer = route(state, {
        method: recorded.method,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        now: clock.now(),
      });
      send(res, answer, requestId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      send(
        res,
        { status: error.status, body: errorBody(error.status, error.message, requestId), headers: error.headers },
        requestId,
      );
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the emulator: answer 500 with the vendor's shape so the test sees it, and say why.
      console.error('anthropic-admin-emulator:', error);
      if (!res.headersSent) send(res, { status: 500, body: errorBody(500, 'Emulator error', null) }, 'req_emu_error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const seedKey = (kind: 'api' | 'admin') => {
    const value = state.newKeyValue(kind);
    return { value, redacted: partialKeyHint(value) };
  };

  return {
    url: `http://127.0.0.1:${port}`,
    clock,
    addWorkspace({ name, archived, createdAt }) {
      const now = clock.now();
      const workspace = {
        id: state.newId('wrkspc'),
        name,
        createdAt: toDate(createdAt, now),
        archivedAt: archived ? now : null,
        isDefault: false,
      };
      state.workspaces.push(workspace);
      return { id: workspace.id, name };
    },
    archiveWorkspace(id) {
      const workspace = state.workspace(id);
      if (!workspace || workspace.isDefault) throw new Error(`no workspace ${id} to archive`);
      workspace.archivedAt = clock.now();
      for (const key of state.keys) if (key.workspaceId === id) key.status = 'archived';
    },
    defaultWorkspace() {
      const { id, name } = state.defaultWorkspace();
      return { id, name };
    },
    addUser({ name, email, role, addedAt }) {
      const user = {
        id: state.newId('user'),
        name,
        email,
        role: role ?? 'developer',
        addedAt: toDate(addedAt, clock.now()),
        removedAt: null,
      };
      state.users.push(user);
      return { id: user.id, name, email };
    },
    removeUser(id) {
      const user = state.activeUser(id);
      if (!user) throw new Error(`no user ${id} to remove`);
      user.removedAt = clock.now();
    },
    addKey({ name, createdBy, workspaceId, createdAt, status, expiresAt, principalUserId }) {
      const workspace = workspaceId === undefined ? state.defaultWorkspace() : state.workspace(workspaceId);
      if (!workspace) throw new Error(`no workspace ${workspaceId}`);
      const byServiceAccount = createdBy.startsWith('svcacct_');
      const principalId = principalUserId === undefined ? createdBy : principalUserId;
      const { value, redacted } = seedKey('api');
      const key = {
        id: state.newId('apikey'),
        name,
        value,
        workspaceId: workspace.id,
        createdBy: { type: byServiceAccount ? ('service_account' as const) : ('user' as const), id: createdBy },
        principal:
          principalId === null
            ? null
            : principalId.startsWith('svcacct_')
              ? { type: 'service_account_actor' as const, serviceAccountId: principalId }
              : { type: 'user_actor' as const, userId: principalId },
        createdAt: toDate(createdAt, clock.now()),
        expiresAt: expiresAt === undefined || expiresAt === null ? null : new Date(expiresAt),
        status: status ?? 'active',
      };
      state.keys.push(key);
      return { id: key.id, value, redacted };
    },
    setKeyStatus(id, status) {
      const key = state.key(id);
      if (!key) throw new Error(`no key ${id}`);
      key.status = status;
    },
    keyStatus(id) {
      const key = state.key(id);
      if (!key) throw new Error(`no key ${id}`);
      return state.statusOf(key, clock.now());
    },
    addAdminKey({ name, status } = {}) {
      const { value, redacted } = seedKey('admin');
      const id = state.newId('apikey');
      state.adminKeys.push({ id, name: name ?? 'Admin key', value, status: status ?? 'active' });
      return { id, value, redacted };
    },
    recordUsage(keyId, at, usage) {
      const key = keyId === null ? undefined : state.key(keyId);
      if (keyId !== null && !key) throw new Error(`no key ${keyId}`);
      state.usage.push({
        keyId,
        workspaceId: key?.workspaceId ?? null,
        at: new Date(at),
        model: usage.model ?? 'claude-sonnet-4-20250514',
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        cacheReadTokens: usage.cacheReadTokens ?? 0,
        cacheCreation5mTokens: usage.cacheCreationTokens ?? 0,
        cacheCreation1hTokens: 0,
      });
    },
    failNext(prefix, failure) {
      failures.push({ prefix, failure, left: failure.times ?? 1 });
    },
    intercept(prefix, answer, times = 1) {
      intercepts.push({ prefix, answer, left: times });
    },
    requestCount(prefix = '') {
      return requests.filter((r) => r.path.startsWith(prefix)).length;
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
