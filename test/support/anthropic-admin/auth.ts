import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './http.js';
import type { AdminState, ApiKey } from './state.js';

// The API takes dated versions; docs and curl examples send `2023-06-01`, the SDK v1 its own later date.
// Any date from 2023-01-01 on is taken, so a new SDK does not break the tests; other values are refused.
function checkVersion(headers: IncomingHttpHeaders): void {
  const version = headers['anthropic-version'];
  if (typeof version !== 'string' || version === '') throw new ApiError(400, 'anthropic-version: header is required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version) || version < '2023-01-01') {
    // The value is not echoed: a caller that put a key there must not see it in an error.
    throw new ApiError(400, 'anthropic-version: the value is not a valid version');
  }
}

// The docs' curl examples send `x-api-key`; `@anthropic-ai/sdk` v1 sends `Authorization: Bearer <key>`
// (`apiKeyAuth` in its client.js). Both are taken, `x-api-key` first.
function apiKeyHeader(headers: IncomingHttpHeaders): string {
  const key = headers['x-api-key'];
  if (typeof key === 'string' && key !== '') return key;
  const bearer = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  if (bearer) return bearer[1]!;
  throw new ApiError(401, 'x-api-key header is required');
}

/** Admin endpoints: an active admin key. A workspace key is refused with 403, anything else with 401. */
export function requireAdmin(state: AdminState, headers: IncomingHttpHeaders, now: Date): void {
  const key = apiKeyHeader(headers);
  checkVersion(headers);
  if (state.adminKeyByValue(key)?.status === 'active') return;
  const workspaceKey = state.keyByValue(key);
  if (workspaceKey && isLive(state, workspaceKey, now)) {
    throw new ApiError(403, 'This endpoint requires an admin API key.');
  }
  throw new ApiError(401, 'invalid x-api-key');
}

/** `GET /v1/models` and the like: a workspace key that works now. */
export function requireWorkspaceKey(state: AdminState, headers: IncomingHttpHeaders, now: Date): ApiKey {
  const value = apiKeyHeader(headers);
  checkVersion(headers);
  const key = state.keyByValue(value);
  if (!key || !isLive(state, key, now)) throw new ApiError(401, 'invalid x-api-key');
  return key;
}

/** Active, not expired, and its workspace not archived. */
export function isLive(state: AdminState, key: ApiKey, now: Date): boolean {
  return state.statusOf(key, now) === 'active' && !state.workspace(key.workspaceId)?.archivedAt;
}
