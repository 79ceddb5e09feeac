import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import { routeFamily } from '../metrics/route-family.js';
import { carriesPatches, EtagCache, urlOfEtagKey, type CachedAnswer, type EtagStore } from './etag-cache.js';
import type { EtagSealer } from './etag-sealer.js';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

export interface RedisEtagOptions {
  /** Namespace of every key (`<prefix><installation>.<token tag>:<url> <accept>`). */
  prefix?: string;
  /** How long an entry lives unread or not; past its token's hour GitHub no longer matches its ETag. */
  ttlMs?: number;
  /** Largest gzipped entry kept; a bigger answer is not cached (and an older entry for it is dropped). */
  maxValueBytes?: number;
  /** Answers kept in this process only (see {@link sharesAcrossProcesses}); unused with a `sealer`. */
  local?: EtagCache;
  /**
   * Encrypts every value (`createEtagSealer` of the App's private key): then every GET answer but
   * patches goes to Redis, as ciphertext. Without one, only {@link sharesAcrossProcesses} answers do.
   */
  sealer?: EtagSealer;
}

/**
 * An hour: entries are keyed by the installation token (`etagKey`), and GitHub matches an ETag only
 * for the token that obtained it, which lives an hour — an older entry is never read again.
 */
export const ETAG_TTL_MS = 3_600_000;
export const ETAG_MAX_VALUE_BYTES = 256 * 1024;

/**
 * The answers that may go to Redis in clear, when the cache has no sealer (no private key in this
 * process), by route family (`routeFamily`): the ones that hold only what GitHub or an admin set —
 * names, dates, ids, permissions (a repository or team adds its one-line description). Anything
 * people write text into — issue and pull request bodies, comments, check run output, file
 * contents — can hold a pasted key ("the key was sk-…"), and a clear Redis copy would keep it
 * gzipped for days where anyone with the Redis URL can read it: without a sealer those stay in the
 * process's memory (the keys-never-leave rule, docs/ARCHITECTURE.md). An allowlist, so a route added
 * later stays in memory until someone decides it is safe to share.
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

/** Whether the answer cached under `key` (an `etagKey`) may go to Redis unencrypted; see {@link SHARED_FAMILIES}. */
export function sharesAcrossProcesses(key: string): boolean {
  // Later pages come from the `Link` header, often as `/repositories/{id}/…`: the same family.
  const family = routeFamily(urlOfEtagKey(key)).replace(/^\/repositories\/\{repository_id\}/, '/repos/{owner}/{repo}');
  return SHARED_FAMILIES.has(family);
}

/**
 * The ETag cache shared by every app process when `REDIS_URL` is set: a worker that never saw a
 * repository still sends `If-None-Match`, so an unchanged repository costs ~0 counted requests
 * whichever process sweeps it. With a sealer (the App's private key) every answer goes to Redis
 * gzipped then encrypted — file contents, issues and comments too, where a pasted key could sit:
 * what Redis holds is ciphertext to anyone without the PEM. Without one, only secret metadata and
 * the like go to Redis, gzipped JSON in clear, and every other answer stays in this process's memory
 * ({@link sharesAcrossProcesses}). Answers with patches are never cached (`carriesPatches`). Values
 * have a TTL and a size cap. Redis down or slow, or a value that does not open, is a cache miss
 * (one counted 200), never a failed sweep.
 */
export class RedisEtagCache implements EtagStore {
  hits = 0;
  /** Redis commands that failed (treated as misses). */
  failures = 0;
  /** Values found that this process's sealer could not open — another key, or tampered (misses). */
  unreadable = 0;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #maxValueBytes: number;
  readonly #local: EtagCache;
  readonly #sealer: EtagSealer | undefined;

  constructor(
    private readonly redis: Redis,
    options: RedisEtagOptions = {},
  ) {
    this.#prefix = options.prefix ?? 'key-hygiene:etag:';
    this.#ttlMs = options.ttlMs ?? ETAG_TTL_MS;
    this.#maxValueBytes = options.maxValueBytes ?? ETAG_MAX_VALUE_BYTES;
    this.#local = options.local ?? new EtagCache();
    this.#sealer = options.sealer;
  }

  /** Whether values are encrypted, so that every answer is shared. */
  get sealed(): boolean {
    return this.#sealer !== undefined;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    if (!this.#inRedis(key)) return this.#local.get(key);
    let stored: Buffer | null;
    try {
      stored = await this.redis.getBuffer(this.#prefix + key);
    } catch {
      this.failures += 1;
      return undefined;
    }
    if (!stored) return undefined;
    const packed = this.#sealer ? this.#sealer.open(stored, key) : stored;
    try {
      if (!packed) throw new Error('unsealed');
      return JSON.parse((await unzip(packed)).toString('utf8')) as CachedAnswer;
    } catch {
      // Another key's value, a value from before the sealer (gzip in clear), or one altered.
      this.unreadable += 1;
      return undefined;
    }
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    if (!this.#inRedis(key)) return this.#local.set(key, value);
    try {
      const zipped = await zip(JSON.stringify(value));
      const packed = this.#sealer ? this.#sealer.seal(zipped, key) : zipped;
      if (packed.length > this.#maxValueBytes) await this.redis.del(this.#prefix + key);
      else await this.redis.set(this.#prefix + key, packed, 'PX', this.#ttlMs);
    } catch {
      this.failures += 1;
    }
  }

  #inRedis(key: string): boolean {
    return this.#sealer ? !carriesPatches(urlOfEtagKey(key)) : sharesAcrossProcesses(key);
  }
}
