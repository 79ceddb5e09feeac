import { Redis } from 'ioredis';

/**
 * The app's own Redis connection (`REDIS_URL`) for the shared ETag cache and write pacers. It fails
 * fast — a second to answer, no queueing while disconnected — because everything it serves falls
 * back to the process when Redis is away (a cache miss, the process's own pacer). BullMQ needs
 * other settings (`maxRetriesPerRequest: null`) and opens its own connections.
 * https://redis.github.io/ioredis/interfaces/CommonRedisOptions.html
 */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 1_000 });
  // Commands wait for the first connection only. Once it is up, or has failed, a command sent while
  // Redis is away fails at once — ioredis reads this option per command — instead of waiting in
  // the offline queue for a reconnect that may take seconds on every GitHub request.
  const failFast = (): void => {
    redis.options.enableOfflineQueue = false;
  };
  redis.once('ready', failFast);
  // Without a listener ioredis prints every failed reconnect; /healthz reports the state instead.
  redis.on('error', failFast);
  return redis;
}

/**
 * Resolves once Redis at `url` answers a PING; else throws one line saying why — never the URL,
 * which may hold a password. For one-shot commands, before BullMQ and Probot's throttling, which
 * both wait for Redis for ever.
 */
export async function probeRedis(url: string): Promise<void> {
  const redis = connectRedis(url);
  let refused: string | undefined;
  redis.on('error', (error: Error) => (refused ??= error.message));
  try {
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis at REDIS_URL did not answer: ${refused ?? (error instanceof Error ? error.message : String(error))}`,
    );
  } finally {
    redis.disconnect();
  }
}
