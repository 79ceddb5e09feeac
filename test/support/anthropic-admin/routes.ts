import type { IncomingHttpHeaders } from 'node:http';
import { requireAdmin, requireWorkspaceKey } from './auth.js';
import { ApiError, ok, type Answer } from './http.js';
import { listPage } from './list-page.js';
import { renderKey, renderUser, renderWorkspace, rfc3339 } from './shapes.js';
import type { AdminState, ApiKey, KeyStatus } from './state.js';
import { usageReport } from './usage-report.js';

export interface RouteRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  now: Date;
}

type Handler = (state: AdminState, req: RouteRequest, params: string[]) => Answer;

const STATUSES = new Set(['active', 'inactive', 'archived', 'expired']);

/** Newest first (the order the SDK pages through; the docs don't state one), ties by creation order. */
function newestFirst<T extends { createdAt?: Date; addedAt?: Date }>(items: readonly T[]): T[] {
  const time = (item: T) => (item.createdAt ?? item.addedAt)!.getTime();
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => time(b.item) - time(a.item) || b.index - a.index)
    .map(({ item }) => item);
}

function keyOr404(state: AdminState, id: string): ApiKey {
  const key = state.key(id);
  if (!key) throw new ApiError(404, 'API key not found');
  return key;
}

const listKeys: Handler = (state, { query, now }) => {
  const status = query.get('status');
  if (status !== null && !STATUSES.has(status))
    throw new ApiError(400, "status: Input should be 'active', 'inactive', 'archived' or 'expired'");
  const workspaceId = query.get('workspace_id');
  const creator = query.get('created_by_user_id');
  return ok(
    listPage(
      newestFirst(state.keys),
      (k) =>
        (!status || state.statusOf(k, now) === status) &&
        (!workspaceId || k.workspaceId === workspaceId) &&
        (!creator || (k.createdBy?.type === 'user' && k.createdBy.id === creator)),
      query,
      (k) => renderKey(state, k, now),
    ),
  );
};

/** `name` and `status` (`active`, `inactive`, `archived`); archived and expired keys cannot change. */
const updateKey: Handler = (state, { body, now }, [id]) => {
  const key = keyOr404(state, id!);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, 'Request body must be a JSON object');
  const { name, status } = body as { name?: unknown; status?: unknown };
  if (name !== undefined && name !== null && (typeof name !== 'string' || name.length < 1 || name.length > 500)) {
    throw new ApiError(400, 'name: String should have between 1 and 500 characters');
  }
  if (
    status !== undefined &&
    status !== null &&
    status !== 'active' &&
    status !== 'inactive' &&
    status !== 'archived'
  ) {
    throw new ApiError(400, "status: Input should be 'active', 'inactive' or 'archived'");
  }
  const current: KeyStatus = state.statusOf(key, now);
  if ((current === 'archived' || current === 'expired') && status && status !== current) {
    throw new ApiError(400, `An ${current} API key cannot be changed`);
  }
  if (typeof name === 'string') key.name = name;
  if (status === 'active' || status === 'inactive' || status === 'archived') key.status = status;
  return ok(renderKey(state, key, now));
};

const listUsers: Handler = (state, { query }) => {
  const email = query.get('email');
  return ok(
    listPage(newestFirst(state.users), (u) => !u.removedAt && (!email || u.email === email), query, renderUser),
  );
};

const userOr404 = (state: AdminState, id: string) => {
  const user = state.activeUser(id);
  if (!user) throw new ApiError(404, 'User not found');
  return user;
};

const removeUser: Handler = (state, { now }, [id]) => {
  userOr404(state, id!).removedAt = now;
  return ok({ id, type: 'user_deleted' });
};

const listWorkspaces: Handler = (state, { query }) => {
  const archived = query.get('include_archived') === 'true';
  const withDefault = query.get('include_default') === 'true';
  return ok(
    listPage(
      newestFirst(state.workspaces),
      (w) => (archived || !w.archivedAt) && (withDefault || !w.isDefault),
      query,
      renderWorkspace,
    ),
  );
};

const getWorkspace: Handler = (state, _req, [id]) => {
  const workspace = state.workspace(id!);
  if (!workspace) throw new ApiError(404, 'Workspace not found');
  return ok(renderWorkspace(workspace));
};

const MODELS = ['claude-opus-4-1-20250805', 'claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022'];

/** `GET /v1/models`: what a live check asks with a workspace key (200 while the key works, else 401). */
const listModels: Handler = (state, { headers, now }) => {
  requireWorkspaceKey(state, headers, now);
  const data = MODELS.map((id) => ({ type: 'model', id, display_name: id, created_at: rfc3339(new Date(0)) }));
  return ok({ data, has_more: false, first_id: data[0]!.id, last_id: data.at(-1)!.id });
};

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** Admin routes need an admin key; `/v1/models` checks its own. */
  admin: boolean;
}

const ID = '([A-Za-z0-9_-]{1,100})';
const admin = (method: string, path: string, handler: Handler): Route => ({
  method,
  pattern: new RegExp(`^${path.replace('{id}', ID)}$`),
  handler,
  admin: true,
});

export const ROUTES: readonly Route[] = [
  admin('GET', '/v1/organizations/api_keys', listKeys),
  admin('GET', '/v1/organizations/api_keys/{id}', (s, r, [id]) => ok(renderKey(s, keyOr404(s, id!), r.now))),
  admin('POST', '/v1/organizations/api_keys/{id}', updateKey),
  admin('GET', '/v1/organizations/users', listUsers),
  admin('GET', '/v1/organizations/users/{id}', (s, _r, [id]) => ok(renderUser(userOr404(s, id!)))),
  admin('DELETE', '/v1/organizations/users/{id}', removeUser),
  admin('GET', '/v1/organizations/workspaces', listWorkspaces),
  admin('GET', '/v1/organizations/workspaces/{id}', getWorkspace),
  admin('GET', '/v1/organizations/usage_report/messages', (s, r) => ok(usageReport(s.usage, r.query, r.now))),
  { method: 'GET', pattern: /^\/v1\/models$/, handler: listModels, admin: false },
];

/** Routes the request: 404 for an unknown path, 405 for a known path and another method. */
export function route(state: AdminState, req: RouteRequest): Answer {
  const matching = ROUTES.map((r) => ({ r, m: r.pattern.exec(req.path) })).filter((x) => x.m);
  const found = matching.find((x) => x.r.method === req.method);
  if (!found) {
    if (matching.length) throw new ApiError(405, 'Method not allowed');
    throw new ApiError(404, 'Not found');
  }
  if (found.r.admin) requireAdmin(state, req.headers, req.now);
  return found.r.handler(state, req, found.m!.slice(1));
}
