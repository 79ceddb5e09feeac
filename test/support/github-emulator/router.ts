import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorClock } from './clock.js';
import type { RateStatus } from './rate-limit.js';
import type { Store } from './store.js';
import type { AccountRecord, AppRecord, InstallationRecord, RepoRecord, TokenRecord } from './types.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Who is calling: an App (JWT) or the holder of an access token. */
export type Principal =
  { kind: 'app'; app: AppRecord } | { kind: 'token'; token: TokenRecord; installation: InstallationRecord | null };

export interface EmulatorLimits {
  /** Issue and comment bodies longer than this are rejected with 422 (GitHub: 65,536). */
  bodyMaxChars: number;
  /** Compare: files listed at most (GitHub: 300), commits without paging (GitHub: 250). */
  compareMaxFiles: number;
  compareMaxCommits: number;
  /** A file whose patch is larger than this is listed without `patch`, as GitHub does for big diffs. */
  maxPatchBytes: number;
  /** Installation token lifetime (GitHub: one hour). */
  tokenLifetimeMs: number;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  principal: Principal;
  store: Store;
  clock: EmulatorClock;
  limits: EmulatorLimits;
  /** `http://127.0.0.1:PORT` plus `/api/v3` when the request came that way. */
  apiBase: string;
  htmlBase: string;
  /** Path and query of this request, relative to `apiBase` (for `Link` headers). */
  requestPath: string;
  /** Resolved from `{owner}/{repo}` when the route has `scope: 'repo'`. */
  repo: RepoRecord;
  /** Resolved from `{org}` when the route has `scope: 'org'`. */
  org: AccountRecord;
  /** The caller's primary rate-limit state before this request. */
  rate?: RateStatus;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** A raw text body (e.g. `application/vnd.github.raw`), sent instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: Method;
  /** The path exactly as GitHub's OpenAPI description writes it. */
  path: string;
  /**
   * `app`: App JWT only; `token`: installation or workflow token, checked against the permissions
   * GitHub's map gives the route (permission-table.ts).
   */
  auth: 'app' | 'token';
  /**
   * A public repository answers without the permissions above (GitHub's docs data calls it
   * `allows_public_read`); a private or internal one needs them. Only with `scope: 'repo'`.
   */
  publicRead?: boolean;
  /** Resolve and access-check the repository or organization named in the path. */
  scope?: 'repo' | 'org';
  /** Not charged to the primary budget (`GET /rate_limit` is free). */
  uncounted?: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

/** Trailing parameters that may contain slashes. */
const GREEDY = new Set(['{path}', '{basehead}', '{ref}']);

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a path; literal segments win over parameters. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch | null {
  const segments = pathname.split('/').slice(1);
  let best: { match: RouteMatch; literals: number } | null = null;
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = matchTemplate(templateParts(route.path), segments);
    if (found && (!best || found.literals > best.literals)) {
      best = { match: { route, params: found.params }, literals: found.literals };
    }
  }
  return best?.match ?? null;
}

/** Templates split once: splitting ~100 of them on every request was the emulator's top cost at scale. */
const splitTemplates = new Map<string, readonly string[]>();
function templateParts(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (!parts) splitTemplates.set(template, (parts = template.split('/').slice(1)));
  return parts;
}

/** Matches one template's parts against the path segments, counting the literal ones. */
function matchTemplate(
  parts: readonly string[],
  segments: string[],
): { params: Record<string, string>; literals: number } | null {
  if (parts.length !== segments.length && !GREEDY.has(parts[parts.length - 1] as string)) return null;
  const params: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    const segment = segments[i];
    if (segment === undefined || segment === '') return null;
    if (part.startsWith('{')) {
      const last = i === parts.length - 1;
      const value = last && GREEDY.has(part) ? segments.slice(i).join('/') : segment;
      params[part.slice(1, -1)] = decodeURIComponent(value);
      if (last && GREEDY.has(part)) return { params, literals };
    } else if (part === segment) {
      literals += 1;
    } else {
      return null;
    }
  }
  return parts.length === segments.length ? { params, literals } : null;
}
