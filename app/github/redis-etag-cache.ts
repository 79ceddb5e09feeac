import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import { EtagCache, type CachedAnswer, type EtagStore } from './etag-cache.js';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

export interface RedisEtagOptions {
  /** Namespace of every key (`<prefix><installation>:<url>`). */
  prefix?: string;
  /** How long an entry lives unread or not; an ETag GitHub no longer matches only costs one 200. */
  ttlMs?: number;
  /** Largest gzipped entry kept; a bigger answer is not cached (and an older entry for it is dropped). */
  maxValueBytes?: number;
  /** Answers kept in this process only (see {@link keepsFileText}). */
  local?: EtagCache;
}

export const ETAG_TTL_MS = 7 * 86_400_000;
export const ETAG_MAX_VALUE_BYTES = 256 * 1024;

/**
 * File contents (`.github/key-hygiene.yml`, CODEOWNERS) are text from the repository, and a key can
 * sit in any text: they stay in the process's memory and never reach Redis (the keys-never-leave
 * rule, ARCHITECTURE.md). Everything else cached is metadata: secret names and dates, issues the app
 * wrote (redacted), collaborators.
 */
export function keepsFileText(key: string): boolean {
  return key.includes('/contents/');
}

/**
 * The ETag cache shared by every app process when `REDIS_URL` is set: a worker that never saw a
 * repository still sends `If-None-Match`, so an unchanged repository costs ~0 counted requests
 * whichever process sweeps it. Values are gzipped JSON with a TTL. Redis down or slow is a cache
 * miss (one counted 200), never a failed sweep.
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
    if (keepsFileText(key)) return this.#local.get(key);
    try {
      const stored = await this.redis.getBuffer(this.#prefix + key);
      return stored ? (JSON.parse((await unzip(stored)).toString('utf8')) as CachedAnswer) : undefined;
    } catch {
      this.failures += 1;
      return undefined;
    }
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    if (keepsFileText(key)) return this.#local.set(key, value);
    try {
      const packed = await zip(JSON.stringify(value));
      if (packed.length > this.#maxValueBytes) await this.redis.del(this.#prefix + key);
      else await this.redis.set(this.#prefix + key, packed, 'PX', this.#ttlMs);
    } catch {
      this.failures += 1;
    }
  }
}
