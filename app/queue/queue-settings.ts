/** How sweeps scale out on Redis (README, "Deploy"): read only when `REDIS_URL` is set. */
export interface QueueSettings {
  /** `redis://` or `rediss://` (`REDIS_URL`): BullMQ's queue, the runs' progress, Probot's throttling cluster. */
  redisUrl: string;
  /** Jobs one process works at the same time (`KEY_HYGIENE_WORKER_CONCURRENCY`, default 4). */
  concurrency: number;
  /** How long a run's progress, its finished jobs and its dead letters are kept (`KEY_HYGIENE_RUN_RETENTION`, default 7d). */
  retentionMs: number;
  /** Tries per job before it becomes a dead letter (`KEY_HYGIENE_JOB_ATTEMPTS`, default 3). */
  attempts: number;
  /** Wait before the first retry, doubled for each next one (`KEY_HYGIENE_JOB_BACKOFF`, default 30s). */
  backoffMs: number;
  /** A worker's lock on a job, renewed while it lives (`KEY_HYGIENE_JOB_LOCK`, default 30s): a killed worker's job goes back to the queue after it. */
  lockMs: number;
  /** How often workers look for jobs whose lock ran out (`KEY_HYGIENE_STALLED_CHECK`, default 30s). */
  stalledCheckMs: number;
}

export const defaultQueueSettings: Omit<QueueSettings, 'redisUrl'> = {
  concurrency: 4,
  retentionMs: 7 * 86_400_000,
  attempts: 3,
  backoffMs: 30_000,
  lockMs: 30_000,
  stalledCheckMs: 30_000,
};

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The queue settings when `REDIS_URL` is set, else undefined (one process, in memory); a bad value is a one-line error that quotes it. */
export function readQueueSettings(env: NodeJS.ProcessEnv): QueueSettings | undefined {
  const redisUrl = env.REDIS_URL;
  if (redisUrl === undefined || redisUrl === '') return undefined;
  // Not quoted: the URL may carry a password.
  if (!/^rediss?:\/\/./.test(redisUrl)) throw new Error('REDIS_URL is not a redis:// or rediss:// URL');
  const whole = (name: string, fallback: number, min: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`${name} is "${text}": expected a whole number of at least ${min}`);
    return value;
  };
  const duration = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const m = /^(\d{1,9})\s*(ms|s|m|h|d)$/.exec(text.trim());
    if (!m || Number(m[1]) === 0)
      throw new Error(`${name} is "${text}": expected a duration such as 500ms, 30s, 5m, 2h or 7d`);
    return Number(m[1]) * UNITS[m[2]!]!;
  };
  const d = defaultQueueSettings;
  return {
    redisUrl,
    concurrency: whole('KEY_HYGIENE_WORKER_CONCURRENCY', d.concurrency, 1),
    retentionMs: duration('KEY_HYGIENE_RUN_RETENTION', d.retentionMs),
    attempts: whole('KEY_HYGIENE_JOB_ATTEMPTS', d.attempts, 1),
    backoffMs: duration('KEY_HYGIENE_JOB_BACKOFF', d.backoffMs),
    lockMs: duration('KEY_HYGIENE_JOB_LOCK', d.lockMs),
    stalledCheckMs: duration('KEY_HYGIENE_STALLED_CHECK', d.stalledCheckMs),
  };
}
