import type { Probot } from 'probot';
import type { ClientCare } from '../octokit/prepare-client.js';
import { startMetricsServer } from '../metrics/start-metrics-server.js';
import { createBullmqSweepQueue } from '../queue/bullmq-sweep-queue.js';
import type { QueueSettings } from '../queue/queue-settings.js';
import { recordSweepJob } from '../queue/record-sweep-job.js';
import type { AppSettings } from '../settings.js';
import { withRepoLock } from '../repo/with-repo-lock.js';

/**
 * `key-hygiene-app worker`: works sweep jobs from Redis until `stop` resolves (SIGTERM or SIGINT),
 * then finishes the jobs in hand before it lets go — the others stay queued for the other
 * processes. With `KEY_HYGIENE_METRICS_PORT`, serves `/healthz` and `/metrics` meanwhile, on
 * `KEY_HYGIENE_METRICS_HOST` (loopback by default).
 */
export async function runWorker(
  probot: Probot,
  care: ClientCare,
  settings: AppSettings & { queue: QueueSettings },
  o: { now: () => Date; stop: () => Promise<unknown>; say: (line: string) => void },
): Promise<void> {
  const sweeps = createBullmqSweepQueue({
    app: probot,
    settings,
    queue: settings.queue,
    now: o.now,
    lock: withRepoLock,
    work: true,
    observe: (event) => recordSweepJob(care.metrics, event),
  });
  care.metrics.watchSweepJobs(() => sweeps.counts());
  const metrics =
    settings.metricsPort === undefined
      ? undefined
      : await startMetricsServer(settings.metricsPort, care, settings.metricsHost);
  // Listening before saying ready: a signal sent on "ready" must not kill the worker unannounced.
  const stopped = o.stop();
  try {
    await sweeps.ready();
    o.say(`worker ready: ${settings.queue.concurrency} jobs at a time`);
    await stopped;
    o.say('worker stopping: finishing the jobs in hand');
  } finally {
    await sweeps.close();
    await metrics?.close();
  }
}
