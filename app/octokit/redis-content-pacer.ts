import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  ContentPacer,
  GITHUB_WRITE_WINDOWS,
  type PacerDeps,
  type WritePacer,
  type WriteWindow,
} from './content-pacer.js';

/**
 * One atomic step of the shared sliding window: the writes of the last `window` ms are the members
 * of a sorted set scored by time. If one more fits every window it is added (0 comes back), else
 * the ms until the oldest write that blocks leaves its window. A script, so two processes can never
 * both take the 80th slot. KEYS[1] the set; ARGV now, member, then limit/window pairs.
 * https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
 */
export const RESERVE = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local longest = 0
local wait = 0
for i = 3, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  if window > longest then longest = window end
  local count = redis.call('ZCOUNT', key, '(' .. (now - window), '+inf')
  if count >= limit then
    local blocking = redis.call('ZRANGEBYSCORE', key, '(' .. (now - window), '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    local free_in = tonumber(blocking[2]) + window - now
    if free_in > wait then wait = free_in end
  end
end
if wait > 0 then return wait end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
redis.call('ZADD', key, now, ARGV[2])
redis.call('PEXPIRE', key, longest)
return 0
`;

/**
 * GitHub's secondary limits (80 writes a minute, 500 an hour per installation) kept exact across
 * every process that shares Redis: a sorted-set sliding window per installation, checked and
 * taken in one script. Times come from the injected clock (the hosts' clocks, NTP-synced; tests
 * move a fake one). Each process also keeps its own writes in a {@link ContentPacer}: if Redis goes
 * away, the process goes on paced by what it knows instead of failing its sweep.
 */
export class RedisContentPacer implements WritePacer {
  waitedMs = 0;
  /** Redis commands that failed (the process's own pacer took over for that write). */
  failures = 0;
  #queue: Promise<void> = Promise.resolve();
  readonly #local: ContentPacer;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly deps: PacerDeps,
    readonly windows: readonly WriteWindow[] = GITHUB_WRITE_WINDOWS,
  ) {
    this.#local = new ContentPacer(windows, deps);
  }

  /** Resolves when one more write fits every window across processes, and records it. Calls are served in order. */
  async take(): Promise<void> {
    const turn = this.#queue.then(() => this.#takeNow());
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #takeNow(): Promise<void> {
    for (;;) {
      let wait: number;
      try {
        wait = Number(
          await this.redis.eval(
            RESERVE,
            1,
            this.key,
            this.deps.now(),
            randomUUID(),
            ...this.windows.flatMap((w) => [w.limit, w.windowMs]),
          ),
        );
      } catch {
        this.failures += 1;
        break;
      }
      if (wait <= 0) break;
      this.waitedMs += wait;
      await this.deps.sleep(wait);
    }
    // After Redis said yes this hardly ever waits (this process's writes are some of all of them);
    // it keeps the process's own history for the moment Redis is gone.
    await this.#local.take();
  }
}
