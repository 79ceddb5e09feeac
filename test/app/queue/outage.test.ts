import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodStart, runIdOf } from '../../../app/queue/run-ids.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { DAY } from '../support/app-world.js';
import { createQueueWorld, startQueueProcess } from './queue-world.js';

// Review finding: the run-progress connection retried for ever, so while Redis was down the
// installation webhook's `enqueue` and `sweep --once`'s wait never returned. A real redis-server,
// stopped mid-way.

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

/**
 * Real time a call may take before it counts as hung. The old code never returned; a loaded
 * machine only returns late, so the bar is many times the 1 s deadline under test, and what is
 * asserted is the outcome (it gave up, and said why), never how long it took.
 */
const HANG_MS = 15_000;

/** The call's own outcome, or a rejection naming it if it is still pending after HANG_MS. */
function returns<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} had not returned after ${HANG_MS} ms: it hangs`)), HANG_MS);
  });
  return Promise.race([call, hung]).finally(() => clearTimeout(timer));
}

describe('Redis stops mid-way', () => {
  it(
    'enqueue and whenDone give up in one line saying why; close still lets go',
    async () => {
      const { gh, app, installation, repos } = await createQueueWorld(1);
      const answerMs = 1000;
      const { sweeps } = startQueueProcess(gh, app, redis.url, { answerMs });
      try {
        const runId = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), DAY));
        await sweeps.enqueue(installation.id, runId);
        expect(await sweeps.whenDone(runId)).toMatchObject({ complete: true, failed: [], swept: repos });

        await redis.stop();
        const next = runIdOf(installation.id, periodStart(gh.clock.now().getTime() + DAY, DAY));
        const queued = await returns(sweeps.enqueue(installation.id, next), 'enqueue').then(
          () => undefined,
          (error: unknown) => error as Error,
        );
        expect(queued?.message).toMatch(new RegExp(`^sweep queue: queuing run ${next}: [^\\n]+$`));

        const followed = await returns(sweeps.whenDone(runId), 'whenDone').then(
          () => undefined,
          (error: unknown) => error as Error,
        );
        expect(followed?.message).toMatch(new RegExp(`^sweep queue: run ${runId}: [^\\n]+$`));

        await returns(sweeps.close(), 'close');

        // A process started while Redis is down (BullMQ's queue waits for it to be ready): the same.
        const late = startQueueProcess(gh, app, redis.url, { answerMs });
        await expect(returns(late.sweeps.enqueue(installation.id, next), 'a late enqueue')).rejects.toThrow(
          `sweep queue: queuing run ${next}: Redis did not answer within ${answerMs} ms`,
        );
        await returns(late.sweeps.close(), 'a late close');
      } finally {
        await sweeps.close();
        await gh.close();
      }
    },
    5 * HANG_MS,
  );
});
