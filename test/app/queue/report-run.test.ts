import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRun, type JobFate } from '../../../app/queue/report-run.js';
import { INSTALLATION_TARGET, jobIdOf } from '../../../app/queue/run-ids.js';
import { RunLedger } from '../../../app/queue/run-ledger.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  await redis?.quit();
  await server?.stop();
});

const RUN = '42:20261127T000000Z';

describe('reportRun', () => {
  it('reads the counts, then the fate of each job not done: failed (its reason, first line), gone, or pending', async () => {
    const ledger = new RunLedger(redis, 60_000);
    await ledger.open(RUN, 42, jobIdOf(RUN, INSTALLATION_TARGET));
    expect(await ledger.progress(RUN)).toEqual({ listed: false, targets: 0, done: 0 });
    await ledger.listed(RUN, ['acme/*', 'acme/a', 'acme/b', 'acme/c', 'acme/d'], ['acme/old']);
    await ledger.finish(RUN, 'acme/*', 0);
    await ledger.finish(RUN, 'acme/a', 2);
    expect(await ledger.progress(RUN)).toEqual({ listed: true, targets: 5, done: 2 });

    const fates: Record<string, JobFate> = {
      [jobIdOf(RUN, 'acme/b')]: 'failed',
      [jobIdOf(RUN, 'acme/c')]: 'gone',
      [jobIdOf(RUN, 'acme/d')]: 'pending',
    };
    const asked: string[][] = [];
    const view = {
      fatesOf: async (ids: readonly string[]) => {
        asked.push([...ids]);
        return ids.map((id) => fates[id]!);
      },
      getJob: async (id: string) => ({ id, failedReason: 'GitHub answered 502\n    at stack' }) as unknown as Job,
    };
    expect(await reportRun(RUN, ledger, view)).toEqual({
      runId: RUN,
      installationId: 42,
      complete: false,
      swept: ['acme/a'],
      skipped: ['acme/old'],
      pending: ['acme/d'],
      actions: 2,
      failed: ['acme/b: GitHub answered 502', 'acme/c: its job is gone before it finished'],
    });
    expect(asked).toEqual([[jobIdOf(RUN, 'acme/b'), jobIdOf(RUN, 'acme/c'), jobIdOf(RUN, 'acme/d')]]);
  });
});
