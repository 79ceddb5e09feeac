import type { Redis } from 'ioredis';

/**
 * A run's content budget (`maxContentPerSweep`: issues and comments one sweep of an installation
 * may create), held in Redis so every process working the run draws on the same one.
 */
export interface RunBudget {
  /** What is left; the whole cap while nothing was taken. */
  left(): Promise<number>;
  /** Takes one issue or comment: false when none is left. */
  take(): Promise<boolean>;
  /** Counts `n` more without holding anything back (what a dry-run planned; a twin's closing note). */
  spend(n: number): Promise<void>;
}

// One round trip, atomic: the counter starts at the cap the first time any process touches it.
const SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
if ARGV[3] == 'take' then
  if tonumber(redis.call('GET', KEYS[1])) > 0 then
    redis.call('DECR', KEYS[1])
    return 1
  end
  return 0
end
if ARGV[3] == 'spend' then redis.call('DECRBY', KEYS[1], ARGV[4]) end
return tonumber(redis.call('GET', KEYS[1]))
`;

/** The budget of run `runId`, a Redis counter that starts at `max` and expires with the run. */
export function redisRunBudget(
  redis: Redis,
  runId: string,
  max: number,
  retentionMs: number,
  prefix = 'key-hygiene:run:',
): RunBudget {
  const key = `${prefix}${runId}:budget`;
  const call = (op: 'left' | 'take' | 'spend', n = 0) =>
    redis.eval(SCRIPT, 1, key, max, retentionMs, op, n) as Promise<number>;
  return {
    left: async () => Math.max(0, await call('left')),
    take: async () => (await call('take')) === 1,
    spend: async (n) => {
      if (n > 0) await call('spend', n);
    },
  };
}
