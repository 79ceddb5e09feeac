import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { EtagSealer } from './etag-sealer.js';

/**
 * Where `@octokit/auth-app` keeps installation tokens (its `cache` option): a value is
 * `token|createdAt|expiresAt|repositorySelection|permissions|singleFile`, under a key made of the
 * installation id (and the permissions or repositories asked for, if any).
 * https://github.com/octokit/auth-app.js#cache
 */
export interface TokenCache {
  /** auth-app's read: a miss means it mints a token and calls {@link set}. */
  get(key: string): Promise<string | undefined>;
  /** The token if one is cached; a miss promises nothing (no mint follows). */
  peek(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Drops a token GitHub refused (401): the next request mints another. */
  forget(key: string): Promise<void>;
}

/**
 * A token is taken out of use this long before it expires, so a request never goes with a token
 * that expires on its way and a sweep never spends its last minutes on a token about to be dropped.
 */
export const TOKEN_REFRESH_MS = 5 * 60_000;

/** `expiresAt` of a cached value (ms), or NaN. */
export function expiresAtOf(value: string): number {
  return Date.parse(value.split('|')[2] ?? '');
}

/**
 * This process's installation tokens, each used until {@link TOKEN_REFRESH_MS} before it expires by
 * `now` (the App's clock, which tests move). auth-app's default cache keeps a token 59 minutes from
 * when this process got it, whoever minted it: a token read from Redis late in its hour would be
 * used after it expired.
 */
export class MemoryTokenCache implements TokenCache {
  readonly #entries = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  async get(key: string): Promise<string | undefined> {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    if (this.usable(value)) return value;
    this.#entries.delete(key);
    return undefined;
  }

  peek(key: string): Promise<string | undefined> {
    return this.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    if (this.usable(value)) this.#entries.set(key, value);
  }

  async forget(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  /** Milliseconds the value may still be used (≤ 0: not any more). */
  leftMs(value: string): number {
    return expiresAtOf(value) - TOKEN_REFRESH_MS - this.now();
  }

  usable(value: string): boolean {
    return this.leftMs(value) > 0;
  }
}

export interface RedisTokenOptions {
  /** Namespace of every key (`<prefix><auth-app key>`). */
  prefix?: string;
  /** How long a process waits for another that is minting the installation's token, then mints its own. */
  mintWaitMs?: number;
}

/**
 * The installation tokens every process of the App shares through Redis, sealed (AES-GCM with a key
 * derived from the App's private key, app/octokit/etag-sealer.ts): anyone with only the Redis URL
 * reads no token. GitHub's ETags are specific to the token that obtained them (README,
 * "At scale"), so one token per installation for its hour — for every worker of a sweep — is what
 * lets the shared ETag cache answer with 304s. One process mints at a time (a lock with a short
 * expiry); the others wait for its token. Redis down, or a value that does not open, is a miss:
 * the process mints its own token, as auth-app would.
 */
export class RedisTokenCache implements TokenCache {
  /** Redis commands that failed (treated as misses). */
  failures = 0;
  /** Tokens found that this process's sealer could not open — another PEM, or tampered (misses). */
  unreadable = 0;
  readonly #local: MemoryTokenCache;
  readonly #prefix: string;
  readonly #mintWaitMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly sealer: EtagSealer,
    now: () => number,
    options: RedisTokenOptions = {},
  ) {
    this.#local = new MemoryTokenCache(now);
    this.#prefix = options.prefix ?? 'key-hygiene:token:';
    this.#mintWaitMs = options.mintWaitMs ?? 10_000;
  }

  async get(key: string): Promise<string | undefined> {
    const local = await this.#local.get(key);
    if (local !== undefined) return local;
    try {
      const shared = await this.#read(key);
      if (shared !== undefined) return shared;
      // Nobody's token: mint it ourselves (auth-app then calls `set`), unless another process is.
      if (await this.redis.set(this.#lockOf(key), '1', 'PX', this.#mintWaitMs, 'NX')) {
        // Another process may have stored its token and let go of the lock since the read above.
        const stored = await this.#read(key);
        if (stored !== undefined) await this.redis.del(this.#lockOf(key));
        return stored;
      }
      for (let waited = 0; waited < this.#mintWaitMs; waited += 100) {
        await delay(100);
        const minted = await this.#read(key);
        if (minted !== undefined) return minted;
      }
    } catch {
      this.failures += 1;
    }
    return undefined;
  }

  async peek(key: string): Promise<string | undefined> {
    try {
      return (await this.#local.get(key)) ?? (await this.#read(key));
    } catch {
      this.failures += 1;
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    await this.#local.set(key, value);
    const ttl = Math.floor(this.#local.leftMs(value));
    if (ttl <= 0) return;
    try {
      await this.redis.set(
        this.#prefix + key,
        this.sealer.seal(Buffer.from(value, 'utf8'), this.#prefix + key),
        'PX',
        ttl,
      );
      await this.redis.del(this.#lockOf(key));
    } catch {
      this.failures += 1;
    }
  }

  async forget(key: string): Promise<void> {
    await this.#local.forget(key);
    try {
      await this.redis.del(this.#prefix + key);
    } catch {
      this.failures += 1;
    }
  }

  /** The shared token, if there is one that opens and is still usable (then kept locally too). */
  async #read(key: string): Promise<string | undefined> {
    const stored = await this.redis.getBuffer(this.#prefix + key);
    if (!stored) return undefined;
    const value = this.sealer.open(stored, this.#prefix + key)?.toString('utf8');
    if (value === undefined) this.unreadable += 1;
    if (value === undefined || !this.#local.usable(value)) return undefined;
    await this.#local.set(key, value);
    return value;
  }

  #lockOf(key: string): string {
    return `${this.#prefix}${key}:minting`;
  }
}
