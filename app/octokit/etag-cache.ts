import { createHash } from 'node:crypto';
import type { AppOctokit } from './octokit.js';

/** A cached answer: what GitHub sent with its ETag, served again when it answers 304. */
export interface CachedAnswer {
  etag: string;
  response: { status: number; url: string; headers: Record<string, unknown>; data: unknown };
}

/** Where ETags and bodies live: this process's memory ({@link EtagCache}) or Redis (`RedisEtagCache`). */
export interface EtagStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, value: CachedAnswer): Promise<void>;
  /** Answers served from the cache after a 304 (for logs and tests). */
  hits: number;
}

/**
 * ETags and bodies of GET answers, keyed by {@link etagKey}, in memory for this process. A 304
 * to `If-None-Match` does not count against the rate limit (README, "At scale"), so a sweep
 * of an unchanged org costs almost nothing. Oldest entries go first past `maxEntries`.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
 */
export class EtagCache implements EtagStore {
  readonly #entries = new Map<string, CachedAnswer>();
  hits = 0;

  constructor(readonly maxEntries = 10_000) {}

  async get(key: string): Promise<CachedAnswer | undefined> {
    return this.#entries.get(key);
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Answers that carry the lines of commits — where a leaked key sits whole — are never cached: a
 * compare or a commit is read once per push anyway, and its patch must not outlive the scan. Nor
 * is a secret scanning alert read without `hide_secret=true`, which holds the leaked value.
 */
export function carriesPatches(url: string): boolean {
  return (
    /\/(compare|commits)\/[^/?]+(\?|$)|\/git\/blobs\//.test(url) ||
    (/\/secret-scanning\/alerts\/\d+(\?|$)/.test(url) && !/[?&]hide_secret=true(&|$)/.test(url))
  );
}

/**
 * The cache key of a GET: installation, token, URL and media type. One URL answers differently per
 * `Accept` (a file's contents as JSON with base64, or `application/vnd.github.raw` text), and the
 * ETag differs too: without it, a 304 to one format would serve the other's cached body. GitHub's
 * ETags are specific to the token that obtained them (README, "At scale"): under a new
 * token an older token's ETag only sends a pointless `If-None-Match`, so the token (its
 * {@link tokenTag}, never the token) is part of the key and a new token starts afresh.
 * https://docs.github.com/rest/using-the-rest-api/getting-started-with-the-rest-api#media-types
 */
export function etagKey(installationId: number | 'app', url: string, accept: string, token = ''): string {
  // A parsed URL is percent-encoded, so it holds no space: the space ends it. No `:` before the URL's.
  return `${installationId}${token && `.${token}`}:${url} ${accept}`;
}

/** The URL an {@link etagKey} was made from. */
export function urlOfEtagKey(key: string): string {
  return key.slice(key.indexOf(':') + 1).split(' ')[0] ?? '';
}

/** The {@link tokenTag} of the token `tokenOf` gives; '' for none. */
async function tagOf(tokenOf: () => Promise<string>): Promise<string> {
  const token = await tokenOf();
  return token === '' ? '' : tokenTag(token);
}

/** A short digest that tells tokens apart in a cache key without holding the token (base64url: no `:`). */
export function tokenTag(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 16);
}

const wrapped = new WeakSet<object>();

/**
 * Makes every GET of this installation client conditional: sends `If-None-Match` with the cached
 * ETag and, as `@octokit/request` throws on 304, serves the cached answer instead.
 * Installed once per client (`'app'` for the app's JWT client); returns the client. `tokenOf` gives
 * the token the client's requests go with (app/octokit/auth-installation.ts): entries are then the
 * token's own. A client without one (Probot's webhook clients) shares the installation's untagged
 * entries, where an ETag of another token only costs the 200 it would anyway.
 */
export function useEtagCache<T extends AppOctokit>(
  octokit: T,
  installationId: number | 'app',
  cache: EtagStore,
  tokenOf?: () => Promise<string>,
): T {
  if (wrapped.has(octokit)) return octokit;
  wrapped.add(octokit);
  octokit.hook.wrap('request', async (request, options) => {
    if (String(options.method).toUpperCase() !== 'GET') return request(options);
    const { url, headers } = octokit.request.endpoint.parse(options);
    if (carriesPatches(url)) return request(options);
    const tag = tokenOf ? await tagOf(tokenOf) : '';
    // No token yet: this request mints it, and no ETag of another token could answer 304 to it.
    if (tokenOf && tag === '') return request(options);
    const key = etagKey(installationId, url, String(headers.accept ?? ''), tag);
    const cached = await cache.get(key);
    // before-after-hook hands every hook the same options object and ignores what a hook passes on:
    // the header has to be set on it.
    if (cached) options.headers['if-none-match'] = cached.etag;
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (typeof etag === 'string' && response.status === 200) {
        // A copy each way: pagination rewrites `data` of list answers in place.
        await cache.set(key, {
          etag,
          response: structuredClone({
            status: response.status,
            url: response.url,
            headers: { ...response.headers },
            data: response.data,
          }),
        });
      }
      return response;
    } catch (error) {
      if (!cached || (error as { status?: unknown }).status !== 304) throw error;
      cache.hits += 1;
      return structuredClone(cached.response) as Awaited<ReturnType<typeof request>>;
    }
  });
  return octokit;
}
