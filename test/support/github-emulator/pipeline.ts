import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  authenticate,
  callerKey,
  etagCaller,
  acceptedHeader,
  requirePermissions,
  resolveOrg,
  resolveRepo,
} from './auth.js';
import type { EmulatorClock } from './clock.js';
import { computeEtag, matchesIfNoneMatch } from './conditional.js';
import { HttpError } from './http-error.js';
import { acceptedPermissions, routeKey } from './permission-table.js';
import { rateLimitHeaders, type RateLimiter } from './rate-limit.js';
import { validateRequest } from './request-validation.js';
import type { EmulatorLimits, Principal, RouteContext, RouteMatch, RouteResult } from './router.js';
import type { Store } from './store.js';

export interface PipelineDeps {
  store: Store;
  clock: EmulatorClock;
  limits: EmulatorLimits;
  rateLimiter: RateLimiter;
}

/** What the server writes and logs for one request. */
export interface Outcome {
  status: number;
  headers: Record<string, string>;
  payload: string;
  principal: Principal | null;
  counted: boolean;
  notModified: boolean;
}

export interface RequestInfo {
  req: IncomingMessage;
  match: RouteMatch;
  url: URL;
  apiBase: string;
  htmlBase: string;
  bodyText: string;
}

const CONTENT_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Runs one matched request through GitHub's order of checks: authentication (401), primary rate
 * limit (403/429), secondary limit for content creation (403 + Retry-After), repository or
 * organization access (404), permissions (403), request parameters against GitHub's OpenAPI
 * description (422), the handler, then conditional answer (304).
 */
export async function runPipeline(info: RequestInfo, deps: PipelineDeps): Promise<Outcome> {
  const { route } = info.match;
  const headers: Record<string, string> = {};
  const accepted = route.auth === 'token' ? acceptedPermissions(route) : [];
  if (accepted && accepted.length > 0) headers['x-accepted-github-permissions'] = acceptedHeader(accepted);
  let principal: Principal | null = null;
  let key: string | null = null;
  let entered = false;
  let counted = false;
  try {
    principal = authenticate(route, info.req.headers.authorization, deps.store, deps.clock);
    key = callerKey(principal);
    checkLimits(info, deps, key, headers);
    entered = true;
    const ctx = buildContext(info, deps, principal);
    ctx.rate = deps.rateLimiter.status(key);
    // A token route GitHub's map does not cover is refused, never served unchecked.
    if (!accepted) throw new HttpError(500, `The emulator has no permission entry for ${routeKey(route)}`);
    const publicRepo = route.publicRead === true && route.scope === 'repo' && ctx.repo.visibility === 'public';
    if (!publicRepo) requirePermissions(principal, accepted);
    validateRequest(route, info.url.searchParams, info.bodyText, ctx.body);
    const result = await route.handle(ctx);
    const outcome = finish(info, result, etagCaller(principal), headers);
    counted = !outcome.notModified && !route.uncounted;
    return { ...outcome, principal, counted };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // Rejected by a limit or by authentication: not charged. Any other error is.
    counted = key !== null && entered;
    Object.assign(headers, error.headers);
    return {
      status: error.status,
      headers,
      payload: JSON.stringify(error.body()),
      principal,
      counted,
      notModified: false,
    };
  } finally {
    if (key !== null) {
      if (entered) deps.rateLimiter.leave(key);
      if (counted) deps.rateLimiter.consume(key);
      Object.assign(headers, rateLimitHeaders(deps.rateLimiter.status(key)));
    }
  }
}

function checkLimits(info: RequestInfo, deps: PipelineDeps, key: string, headers: Record<string, string>): void {
  const limiter = deps.rateLimiter;
  // GET /rate_limit answers even when the budget is spent: it is how clients learn when to resume.
  if (limiter.exhausted(key) && !info.match.route.uncounted) {
    const status = limiter.status(key);
    const wait = Math.max(0, status.reset - Math.floor(deps.clock.now().getTime() / 1000));
    Object.assign(headers, { 'retry-after': String(wait) });
    throw new HttpError(
      limiter.options.exceededStatus,
      `API rate limit exceeded for ${describe(key)}. If you reach out to GitHub Support for help, please include the request ID.`,
    );
  }
  const creates = CONTENT_METHODS.has(info.match.route.method) && info.match.route.auth === 'token';
  const wait = creates ? limiter.secondaryWait(key) : null;
  if (wait !== null) throw secondary(wait);
  if (!limiter.enter(key)) throw secondary(limiter.options.secondaryRetryAfterSeconds);
}

/** The throttling plugin recognises a secondary limit by "secondary rate" in the message. */
const secondary = (wait: number): HttpError =>
  new HttpError(
    403,
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    {},
    { 'retry-after': String(wait) },
  );

const describe = (key: string): string =>
  key
    .replace('installation:', 'installation ID ')
    .replace('app:', 'app ID ')
    .replace(/^token:.*/, 'this token');

function buildContext(info: RequestInfo, deps: PipelineDeps, principal: Principal): RouteContext {
  const { route, params } = info.match;
  let body: Record<string, unknown> = {};
  if (info.bodyText.trim() !== '') {
    try {
      body = JSON.parse(info.bodyText) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'Problems parsing JSON');
    }
  }
  const ctx = {
    params,
    query: info.url.searchParams,
    body,
    headers: info.req.headers,
    principal,
    store: deps.store,
    clock: deps.clock,
    limits: deps.limits,
    apiBase: info.apiBase,
    htmlBase: info.htmlBase,
    requestPath: info.url.pathname.replace(/^\/api\/v3/, '') + info.url.search,
  } as RouteContext;
  if (route.scope === 'repo') ctx.repo = resolveRepo(principal, deps.store, params.owner ?? '', params.repo ?? '');
  if (route.scope === 'org') ctx.org = resolveOrg(principal, deps.store, params.org ?? '');
  return ctx;
}

function finish(
  info: RequestInfo,
  result: RouteResult,
  key: string,
  headers: Record<string, string>,
): Omit<Outcome, 'principal' | 'counted'> {
  Object.assign(headers, result.headers ?? {});
  const payload = result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body));
  if (result.text !== undefined) headers['content-type'] ??= 'text/plain; charset=utf-8';
  if (info.req.method === 'GET' && result.status === 200) {
    const etag = computeEtag(payload, key);
    headers.etag = etag;
    const ifNoneMatch = info.req.headers['if-none-match'];
    if (matchesIfNoneMatch(Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch, etag)) {
      return { status: 304, headers, payload: '', notModified: true };
    }
  }
  return { status: result.status, headers, payload, notModified: false };
}

export const requestId = (): string => randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase();
