import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import { routeFamily } from '../metrics/route-family.js';
import { EtagCache, urlOfEtagKey, type CachedAnswer, type EtagStore } from './etag-cache.js';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

export interface RedisEtagOptions {
  /** Namespace of every key (`<prefix><installation>:<url> <accept>`). */
  prefix?: string;
  /** How long an entry lives unread or not; an ETag GitHub no longer matches only costs one 200. */
  ttlMs?: number;
  /** Largest gzipped entry kept; a bigger answer is not cached (and an older entry for it is dropped). */
  maxValueBytes?: number;
  /** Answers kept in this process only (see {@link sharesAcrossProcesses}). */
  local?: EtagCache;
}

export const ETAG_TTL_MS = 7 * 86_400_000;
export const ETAG_MAX_VALUE_BYTES = 256 * 1024;

/**
 * The answers that may be shared through Redis, by route family (`routeFamily`): the ones that hold
 * only what GitHub or an admin set — names, dates, ids, permissions (a repository or team adds its
 * one-line description). Anything people write text into — issue and pull request bodies, comments,
 * check run output, file contents — can hold a pasted key ("the key was sk-…"), and a Redis copy would
 * keep it gzipped for days where every process, and anyone with the Redis URL, can read it: those
 * stay in the process's memory (the keys-never-leave rule, ARCHITECTURE.md). An allowlist, so a
 * route added later stays in memory until someone decides it is safe to share.
 */
const SHARED_FAMILIES: ReadonlySet<string> = new Set([
  '/app',
  '/app/installations',
  '/installation/repositories',
  '/orgs/{org}/actions/secrets',
  '/orgs/{org}/actions/secrets/{secret_name}/repositories',
  '/orgs/{org}/dependabot/secrets',
  '/orgs/{org}/teams/{team_slug}/memberships/{username}',
  '/repos/{owner}/{repo}/actions/organization-secrets',
  '/repos/{owner}/{repo}/actions/secrets',
  '/repos/{owner}/{repo}/collaborators',
  '/repos/{owner}/{repo}/collaborators/{username}/permission',
  '/repos/{owner}/{repo}/dependabot/secrets',
  '/repos/{owner}/{repo}/environments',
  '/repos/{owner}/{repo}/environments/{environment_name}/secrets',
]);

/** Whether the answer cached under `key` (an `etagKey`) may go to Redis; see {@link SHARED_FAMILIES}. */
export function sharesAcrossProcesses(key: string): boolean {
  // Later pages come from the `Link` header, often as `/repositories/{id}/…`: the same family.
  const family = routeFamily(urlOfEtagKey(key)).replace(/^\/repositories\/\{repository_id\}/, '/repos/{owner}/{repo}');
  return SHARED_FAMILIES.has(family);
}

/**
 * The ETag cache shared by every app process when `REDIS_URL` is set: a worker that never saw a
 * repository still sends `If-None-Match`, so an unchanged repository costs ~0 counted requests
 * whichever process sweeps it. Only secret metadata and the like go to Redis; every other answer
 * stays in this process's memory ({@link sharesAcrossProcesses}). Values are gzipped JSON with a
 * TTL. Redis down or slow is a cache miss (one counted 200), never a failed sweep.
 */
export class RedisEtagCache implements EtagStore {
  hits = 0;
  /** Redis commands that failed (treated as misses). */
  failures = 0;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #maxValueBytes: number;
  readonly #local: EtagCache;

  constructor(private readonly redis: Redis, options: RedisEtagOptions = {}) {
    this.#prefix = options.prefix ?? 'key-hygiene:etag:';
    this.#ttlMs = options.ttlMs ?? ETAG_TTL_MS;
    this.#maxValueBytes = options.maxValueBytes ?? ETAG_MAX_VALUE_BYTES;
    this.#local = options.local ?? new EtagCache();
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    if (!sharesAcrossProcesses(key)) return this.#local.get(key);
    try {
      const stored = await this.redis.getBuffer(this.#prefix + key);
      return stored ? (JSON.parse((await unzip(stored)).toString('utf8')) as CachedAnswer) : undefined;
    } catch {
      this.failures += 1;
      return undefined;
    }
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    if (!sharesAcrossProcesses(key)) return this.#local.set(key, value);
    try {
      const packed = await zip(JSON.stringify(value));
      if (packed.length > this.#maxValueBytes) await this.redis.del(this.#prefix + key);
      else await this.redis.set(this.#prefix + key, packed, 'PX', this.#ttlMs);
    } catch {
      this.failures += 1;
    }
  }
}
