import type { Probot } from 'probot';
import { createBullmqSweepQueue } from '../queue/bullmq-sweep-queue.js';
import type { RunReport } from '../queue/sweep-queue.js';
import { periodStart, runIdOf } from '../queue/run-ids.js';
import type { AppSettings } from '../settings.js';
import { listInstallations, sweepAll } from '../sweep/sweep-all.js';
import { withRepoLock } from '../repo/with-repo-lock.js';

const DAY = 86_400_000;

/** What `sweep --once` prints. */
export interface SweepOnceSummary {
  installations: number;
  swept: number;
  actions: number;
  /** One line per installation, organisation pass or repository that failed. */
  failed: string[];
}

/**
 * Every installation swept once. In memory, this process sweeps each in turn. With `REDIS_URL`,
 * it queues the run of the current period (`KEY_HYGIENE_SWEEP_EVERY`, a day by default) of every
 * installation, works jobs like any worker, and waits until each run is complete: run it again in
 * the same period and it finishes what is left — what the run already swept is skipped.
 * A dry run never touches the queue: its jobs would carry no dry-run (any worker would write) and
 * would mark the period's real run done. It sweeps in this process, and `say`s so when REDIS_URL is set.
 */
export async function sweepOnce(
  probot: Probot,
  settings: AppSettings,
  now: () => Date,
  say: (line: string) => void = () => undefined,
): Promise<SweepOnceSummary> {
  if (settings.queue && settings.dryRun)
    say('dry run: sweeping in this process, not through the Redis queue (REDIS_URL is set)');
  if (!settings.queue || settings.dryRun) {
    const { installations, results, failed } = await sweepAll(probot, settings, now);
    return {
      installations,
      swept: results.reduce((n, r) => n + r.swept.length, 0),
      actions: results.reduce((n, r) => n + r.actions.length, 0),
      failed,
    };
  }
  const sweeps = createBullmqSweepQueue({
    app: probot,
    settings,
    queue: settings.queue,
    now,
    lock: withRepoLock,
    work: true,
  });
  try {
    const installations = await listInstallations(probot);
    const start = periodStart(now().getTime(), settings.sweepEveryMs || DAY);
    const runs = installations.map((id) => runIdOf(id, start));
    await Promise.all(installations.map((id, i) => sweeps.enqueue(id, runs[i]!)));
    // One run watched at a time (all must end anyway): one small read per poll, however many installations.
    const reports: RunReport[] = [];
    for (const runId of runs) reports.push(await sweeps.whenDone(runId));
    return {
      installations: installations.length,
      swept: reports.reduce((n, r) => n + r.swept.length, 0),
      actions: reports.reduce((n, r) => n + r.actions, 0),
      failed: reports.flatMap((r) => r.failed),
    };
  } finally {
    await sweeps.close();
  }
}
