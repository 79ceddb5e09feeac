import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { WriteWindow } from './content-pacer.js';
import { RESERVE } from './redis-content-pacer.js';

/**
 * Counters over sliding windows, by key: `admit` records one more event under `key` if it fits
 * every window and says whether it did; it never waits. The content pacer waits for its turn
 * (every write must go out); this is for what may be turned away (app/commands/throttle-command.ts).
 */
export interface SlidingWindows {
  admit(key: string, windows: readonly WriteWindow[], now: number): Promise<boolean>;
}

/** Keys looked at between two passes that drop the expired ones: memory stays with the keys of the last window. */
const PRUNE_EVERY = 1_000;

/** This process's windows. */
export class MemoryWindows implements SlidingWindows {
  readonly #stamps = new Map<string, number[]>();
  #admits = 0;

  async admit(key: string, windows: readonly WriteWindow[], now: number): Promise<boolean> {
    const longest = Math.max(...windows.map((w) => w.windowMs));
    if (++this.#admits % PRUNE_EVERY === 0) this.#prune(now, longest);
    const stamps = (this.#stamps.get(key) ?? []).filter((at) => at > now - longest);
    const fits = windows.every(({ limit, windowMs }) => stamps.filter((at) => at > now - windowMs).length < limit);
    if (fits) stamps.push(now);
    this.#stamps.set(key, stamps);
    return fits;
  }

  #prune(now: number, longest: number): void {
    for (const [key, stamps] of this.#stamps) if (stamps.every((at) => at <= now - longest)) this.#stamps.delete(key);
  }
}

/**
 * The windows shared by every process on one Redis: the content pacer's script (a sorted set per
 * key, checked and added in one step). Redis unreachable: this process's own windows decide.
 */
export class RedisWindows implements SlidingWindows {
  readonly #local = new MemoryWindows();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'key-hygiene:throttle:',
  ) {}

  async admit(key: string, windows: readonly WriteWindow[], now: number): Promise<boolean> {
    try {
      const wait = Number(
        await this.redis.eval(
          RESERVE,
          1,
          this.prefix + key,
          now,
          randomUUID(),
          ...windows.flatMap((w) => [w.limit, w.windowMs]),
        ),
      );
      return wait <= 0;
    } catch {
      return this.#local.admit(key, windows, now);
    }
  }
}
