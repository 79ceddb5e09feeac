import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodStart, runIdOf } from '../../app/queue/run-ids.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { DAY } from './app-world.js';
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

describe('Redis stops mid-way', () => {
  it('enqueue and whenDone fail within their deadline, in one line; close still lets go', async () => {
    const { gh, app, installation, repos } = await createQueueWorld(1);
    const answerMs = 1000;
    const { sweeps } = startQueueProcess(gh, app, redis.url, { answerMs });
    try {
      const runId = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), DAY));
      await sweeps.enqueue(installation.id, runId);
      expect(await sweeps.whenDone(runId)).toMatchObject({ complete: true, failed: [], swept: repos });

      await redis.stop();
      const next = runIdOf(installation.id, periodStart(gh.clock.now().getTime() + DAY, DAY));
      let start = Date.now();
      const queued = await sweeps.enqueue(installation.id, next).then(() => undefined, (error: unknown) => error as Error);
      expect(Date.now() - start).toBeLessThan(answerMs + 500);
      expect(queued?.message).toMatch(new RegExp(`^sweep queue: queuing run ${next}: [^\\n]+$`));

      start = Date.now();
      const followed = await sweeps.whenDone(runId).then(() => undefined, (error: unknown) => error as Error);
      expect(Date.now() - start).toBeLessThan(2 * answerMs + 500);
      expect(followed?.message).toMatch(new RegExp(`^sweep queue: run ${runId}: [^\\n]+$`));

      start = Date.now();
      await sweeps.close();
      expect(Date.now() - start).toBeLessThan(answerMs);

      // A process started while Redis is down (BullMQ's queue waits for it to be ready): the same.
      const late = startQueueProcess(gh, app, redis.url, { answerMs });
      start = Date.now();
      await expect(late.sweeps.enqueue(installation.id, next)).rejects.toThrow(`sweep queue: queuing run ${next}: Redis did not answer within ${answerMs} ms`);
      await late.sweeps.close();
      expect(Date.now() - start).toBeLessThan(2 * answerMs + 500);
    } finally {
      await sweeps.close();
      await gh.close();
    }
  });
});
