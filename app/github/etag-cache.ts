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
 * to `If-None-Match` does not count against the rate limit (GITHUB-FACTS.md, "Limits"), so a sweep
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
 * compare or a commit is read once per push anyway, and its patch must not outlive the scan.
 */
export function carriesPatches(url: string): boolean {
  return /\/(compare|commits)\/[^/?]+(\?|$)|\/git\/blobs\//.test(url);
}

/**
 * The cache key of a GET: installation, URL and media type. One URL answers differently per
 * `Accept` (a file's contents as JSON with base64, or `application/vnd.github.raw` text), and the
 * ETag differs too: without it, a 304 to one format would serve the other's cached body.
 * https://docs.github.com/rest/using-the-rest-api/getting-started-with-the-rest-api#media-types
 */
export function etagKey(installationId: number | 'app', url: string, accept: string): string {
  // A parsed URL is percent-encoded, so it holds no space: the space ends it.
  return `${installationId}:${url} ${accept}`;
}

/** The URL an {@link etagKey} was made from. */
export function urlOfEtagKey(key: string): string {
  return key.slice(key.indexOf(':') + 1).split(' ')[0] ?? '';
}

const wrapped = new WeakSet<object>();

/**
 * Makes every GET of this installation client conditional: sends `If-None-Match` with the cached
 * ETag and, as `@octokit/request` throws on 304 (GITHUB-FACTS.md), serves the cached answer instead.
 * Installed once per client (`'app'` for the app's JWT client); returns the client.
 */
export function useEtagCache<T extends AppOctokit>(octokit: T, installationId: number | 'app', cache: EtagStore): T {
  if (wrapped.has(octokit)) return octokit;
  wrapped.add(octokit);
  octokit.hook.wrap('request', async (request, options) => {
    if (String(options.method).toUpperCase() !== 'GET') return request(options);
    const { url, headers } = octokit.request.endpoint.parse(options);
    if (carriesPatches(url)) return request(options);
    const key = etagKey(installationId, url, String(headers.accept ?? ''));
    const cached = await cache.get(key);
    // before-after-hook hands every hook the same options object and ignores what a hook passes on:
    // the header has to be set on it.
    if (cached) options.headers['if-none-match'] = cached.etag;
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (typeof etag === 'string' && response.status === 200) {
        // A copy each way: pagination rewrites `data` of list answers in place.
        await cache.set(key, { etag, response: structuredClone({ status: response.status, url: response.url, headers: { ...response.headers }, data: response.data }) });
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
