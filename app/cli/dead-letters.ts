import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME, QUEUE_PREFIX } from '../queue/bullmq-sweep-queue.js';
import { toDeadLetter } from '../queue/report-run.js';
import type { DeadLetter } from '../queue/sweep-queue.js';

/** Most dead letters listed at once (newest first). */
export const DEAD_LETTERS_SHOWN = 100;

/**
 * The sweep jobs that failed past their attempts, newest first, and how many there are in all —
 * read from Redis alone (no GitHub credentials needed). They stay for `KEY_HYGIENE_RUN_RETENTION`;
 * `sweep --once` in the same period queues each again (the run sweeps only what it lacks).
 */
export async function readDeadLetters(redisUrl: string): Promise<{ letters: DeadLetter[]; total: number }> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  await connection.connect();
  const queue = new Queue(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined);
  try {
    const [jobs, total] = await Promise.all([queue.getFailed(0, DEAD_LETTERS_SHOWN - 1), queue.getFailedCount()]);
    return { letters: jobs.map(toDeadLetter), total };
  } finally {
    await queue.close();
    await connection.quit().catch(() => connection.disconnect());
  }
}

/** One line a letter: when, what, which run, attempts, the last error. */
export function formatDeadLetter(letter: DeadLetter): string {
  return `${letter.failedAt.toISOString()} ${letter.target} (run ${letter.runId}, ${letter.attempts} attempts): ${letter.reason}`;
}
