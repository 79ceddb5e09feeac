import type { Probot } from 'probot';
import type { AppDeps } from '../deps.js';
import { createBullmqSweepQueue, type SweepJobEvent } from '../queue/bullmq-sweep-queue.js';
import type { QueueSettings } from '../queue/queue-settings.js';
import { recordSweepJob } from '../queue/record-sweep-job.js';
import { listInstallations } from '../sweep/sweep-all.js';
import { syncJobSchedulers } from './sync-job-schedulers.js';
import { oneLineError } from '../../src/one-line-error.js';

/**
 * The server's sweeps with `REDIS_URL` (README, "Deploy"): this process works sweep jobs alongside every
 * other app and `worker` process, and keeps one BullMQ schedule per installation — synced at start
 * and once a period, as installations come and go. Schedules live in Redis: a restart or a second
 * replica neither sweeps again nor twice. With the schedule off, the schedules are removed.
 */
export function scheduleOnRedis(app: Probot, deps: AppDeps, queue: QueueSettings): void {
  const observe = (event: SweepJobEvent): void => {
    recordSweepJob(deps.clients.metrics, event);
    deps.observeSweepJob?.(event);
  };
  const sweeps = createBullmqSweepQueue({
    app,
    settings: deps.settings,
    queue,
    now: deps.now,
    lock: deps.lock,
    work: true,
    observe,
  });
  // The backlog (waiting, active, delayed, failed = dead letters) read at each /metrics scrape.
  deps.clients.metrics.watchSweepJobs(() => sweeps.counts());
  deps.onSweepQueue?.(sweeps);
  const { sweepEveryMs: everyMs, jitterMs } = deps.settings;
  const sync = (): Promise<void> =>
    (everyMs > 0 ? listInstallations(app) : Promise.resolve([]))
      .then((ids) => syncJobSchedulers(sweeps.queue, ids, { everyMs, jitterMs, jobOptions: sweeps.jobOptions }))
      .catch((error: unknown) => app.log.error(`sweep schedules not synced: ${oneLineError(error)}`));
  const synced = sync();
  const handle = everyMs > 0 ? setInterval(() => void sync(), everyMs) : undefined;
  handle?.unref();
  deps.stopWith?.(async () => {
    clearInterval(handle);
    await synced;
    await sweeps.close();
  });
}
