import type { Probot } from 'probot';
import type { AppDeps } from '../deps.js';
import { recordSweep } from '../metrics/record-sweep.js';
import { createInMemorySweepQueue } from '../queue/in-memory-sweep-queue.js';
import { runIdOf } from '../queue/run-ids.js';
import { listInstallations, sweepInstallationById } from '../sweep/sweep-all.js';
import { scheduleOnRedis } from './schedule-on-redis.js';
import { startScheduler } from './start-scheduler.js';

/**
 * The daily sweep. With `REDIS_URL`, BullMQ's schedules and workers ({@link scheduleOnRedis});
 * without, the in-process timer: one run per installation, each at its own jittered time. A dry
 * run never touches the queue — its jobs carry no dry-run, and this process would mark the real
 * runs' jobs done having written nothing — so it takes the in-process timer, and says so.
 */
export function scheduleSweeps(app: Probot, deps: AppDeps): void {
  if (deps.settings.queue && !deps.settings.dryRun) return scheduleOnRedis(app, deps, deps.settings.queue);
  if (deps.settings.queue)
    app.log.warn('dry run: sweeps run in this process, not through the Redis queue (REDIS_URL is set)');
  if (deps.settings.sweepEveryMs <= 0) return;
  const sweeps = createInMemorySweepQueue((id) => sweepInstallationById(app, id, deps.settings, deps.now, deps.lock));
  startScheduler({
    everyMs: deps.settings.sweepEveryMs,
    jitterMs: deps.settings.jitterMs,
    jobs: async () =>
      (await listInstallations(app)).map((id) => ({
        id: String(id),
        run: async () => {
          const runId = runIdOf(id, deps.now());
          await sweeps.enqueue(id, runId);
          const report = await sweeps.whenDone(runId);
          recordSweep(deps.clients.metrics, report);
          const { swept, failed } = report;
          app.log.info(
            `scheduled sweep of installation ${id}: ${swept.length} repositories, ${failed.length} failures`,
          );
          failed.forEach((line) => app.log.warn(line));
        },
      })),
    onError: (error) =>
      app.log.error(`scheduled sweep failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}
