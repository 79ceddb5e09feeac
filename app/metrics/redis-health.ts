import type { Redis } from 'ioredis';

/** `ok` when Redis answers PING, `down` when it is configured but does not, `absent` when not configured. */
export async function redisHealth(redis: Redis | undefined): Promise<'ok' | 'down' | 'absent'> {
  if (!redis) return 'absent';
  try {
    return (await redis.ping()) === 'PONG' ? 'ok' : 'down';
  } catch {
    return 'down';
  }
}
