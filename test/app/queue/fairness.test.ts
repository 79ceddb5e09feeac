import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdOf } from '../../../app/queue/run-ids.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { DAY } from '../support/app-world.js';
import { createQueueWorld, startQueueProcess, until } from './queue-world.js';
import { PERMISSIONS } from '../support/robust-world.js';

// At org scale: the runs of several installations share the workers turn by turn, so a small
// org is not swept after a big one — and one installation's write pace (GitHub's, per installation)
// does not hold every worker.

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

describe("two installations' runs", () => {
  it("interleave repository by repository, each org's own pass first", async () => {
    const { gh, app, installation: acme } = await createQueueWorld(3);
    const ago = new Date(gh.clock.now().getTime() - 100 * DAY);
    for (const fullName of ['globex/r01', 'globex/r02', 'globex/r03']) {
      gh.seed.repo({ fullName });
      gh.seed.secret({ scope: 'repo', repo: fullName, name: 'OPENAI_API_KEY', updatedAt: ago });
    }
    const globex = gh.seed.installation({ account: 'globex', permissions: { ...PERMISSIONS } });
    const queuer = startQueueProcess(gh, app, redis.url, { work: false });
    const runs = [acme, globex].map((i) => runIdOf(i.id, gh.clock.now()));
    await queuer.sweeps.enqueue(acme.id, runs[0]!);
    await queuer.sweeps.enqueue(globex.id, runs[1]!);
    const worker = startQueueProcess(gh, app, redis.url, { queue: { concurrency: 1 } });
    try {
      const reports = await Promise.all(runs.map((runId) => worker.sweeps.whenDone(runId)));
      expect(reports.map((r) => r.swept)).toEqual([
        ['acme/r01', 'acme/r02', 'acme/r03'],
        ['globex/r01', 'globex/r02', 'globex/r03'],
      ]);
      // whenDone reads Redis, which can say "done" before this process has heard of its last job's end.
      const done = () => worker.events.filter((e) => e.outcome === 'done').map((e) => e.target);
      await until(() => done().length >= 10, 'the worker to hear of every job it finished');
      expect(done()).toEqual([
        '*',
        '*',
        'acme/*',
        'globex/*',
        'acme/r01',
        'globex/r01',
        'acme/r02',
        'globex/r02',
        'acme/r03',
        'globex/r03',
      ]);
    } finally {
      await worker.sweeps.close();
      await queuer.sweeps.close();
      await gh.close();
    }
  });
});
