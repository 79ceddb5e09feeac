import { Queue } from 'bullmq';
import { probeRedis } from '../octokit/connect-redis.js';
import { QUEUE_NAME, QUEUE_PREFIX } from '../queue/bullmq-sweep-queue.js';
import { deadLettersOf } from '../queue/report-run.js';
import type { DeadLetter } from '../queue/sweep-queue.js';

/** Most dead letters listed at once (newest first). */
export const DEAD_LETTERS_SHOWN = 100;

/**
 * The sweep jobs that failed past their attempts, newest first, and how many there are in all —
 * read from Redis alone (no GitHub credentials needed). They stay for `KEY_HYGIENE_RUN_RETENTION`;
 * `sweep --once` in the same period queues each again (the run sweeps only what it lacks). Redis
 * unreachable is one line ({@link probeRedis}).
 */
export async function readDeadLetters(redisUrl: string): Promise<{ letters: DeadLetter[]; total: number }> {
  await probeRedis(redisUrl);
  const queue = new Queue(QUEUE_NAME, { connection: { url: redisUrl }, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined);
  try {
    const [letters, total] = await Promise.all([deadLettersOf(queue, DEAD_LETTERS_SHOWN), queue.getFailedCount()]);
    return { letters, total };
  } finally {
    await queue.close();
  }
}

/** One line a letter: when, what, which run, attempts, the last error. */
export function formatDeadLetter(letter: DeadLetter): string {
  return `${letter.failedAt.toISOString()} ${letter.target} (run ${letter.runId}, ${letter.attempts} attempts): ${letter.reason}`;
}
