// Between two sweeps of one world, the bench plays "the next period": a run is one installation's
// sweep of one period (app/queue/run-ids.ts), and a second `sweep --once` in the same period skips
// what the run already swept. Forgetting the queue's jobs and the runs' ledgers starts new runs;
// the ETag cache (`key-hygiene:etag:*`) and the write pacers stay, as they would the next day.
// The installation tokens the processes share (`key-hygiene:token:*`) expire within the hour: the
// next day they are gone (the bench's processes read the host's clock, the emulator's is a day on).
import { Redis } from 'ioredis';

const RUN_STATE = ['key-hygiene:sweeps:*', 'key-hygiene:run:*'];

const TOKENS = ['key-hygiene:token:*'];

/** Starts new runs (see above). */
export function forgetRuns(url: string): Promise<number> {
  return forget(url, RUN_STATE);
}

/** What an hour does to the shared installation tokens: they expire. */
export function forgetTokens(url: string): Promise<number> {
  return forget(url, TOKENS);
}

async function forget(url: string, patterns: readonly string[]): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    for (const match of patterns) {
      for await (const keys of redis.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) {
        if (keys.length) deleted += await redis.del(...keys);
      }
    }
  } finally {
    await redis.quit();
  }
  return deleted;
}
