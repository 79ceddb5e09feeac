import type { InstallationSweepResult } from '../sweep/sweep-installation.js';
import { INSTALLATION_TARGET } from './run-ids.js';
import type { RunReport, SweepQueue } from './sweep-queue.js';
import { oneLineError } from '../../src/one-line-error.js';

interface Run {
  installationId: number;
  done: boolean;
  result?: InstallationSweepResult;
  /** Why the installation could not be swept at all (its repositories could not be listed). */
  error?: string;
  settled: Promise<void>;
}

/**
 * The default queue: one process, no Redis. A run is today's sweep of an installation
 * (`sweepInstallation`: each organisation's secrets, then each repository in turn, one content
 * budget), started at once; nothing is retried, a failure is a line of the run's report. Runs live
 * as long as the process (the latest `keepRuns`) and keep no progress per repository: queuing a run
 * that is still going changes nothing, queuing a finished one sweeps it again, whole (sweeps are
 * idempotent: planning again against GitHub's state adds nothing).
 */
export function createInMemorySweepQueue(
  sweep: (installationId: number) => Promise<InstallationSweepResult>,
  keepRuns = 100,
): SweepQueue {
  const runs = new Map<string, Run>();
  const runOf = (runId: string): Run => {
    const run = runs.get(runId);
    if (!run) throw new Error(`run ${runId} is not known to this process`);
    return run;
  };
  const report = (runId: string): RunReport => {
    const { installationId, done, result, error } = runOf(runId);
    return {
      runId,
      installationId,
      complete: done,
      swept: result?.swept ?? [],
      skipped: result?.skipped ?? [],
      failed: error ? [`installation ${installationId}: ${error}`] : (result?.failed ?? []),
      pending: done ? [] : [INSTALLATION_TARGET],
      actions: result?.actions.length ?? 0,
    };
  };
  return {
    enqueue: async (installationId, runId) => {
      if (runs.get(runId)?.done === false) return;
      runs.delete(runId);
      const run: Run = { installationId, done: false, settled: Promise.resolve() };
      run.settled = sweep(installationId)
        .then(
          (result) => void (run.result = result),
          (error: unknown) => void (run.error = oneLineError(error)),
        )
        .finally(() => (run.done = true));
      runs.set(runId, run);
      const finished = [...runs].filter(([, r]) => r.done);
      for (const [id] of finished.slice(0, Math.max(0, runs.size - keepRuns))) runs.delete(id);
    },
    report: async (runId) => report(runId),
    whenDone: async (runId) => {
      await runOf(runId).settled;
      return report(runId);
    },
    deadLetters: async () => [],
    close: async () => {
      await Promise.all([...runs.values()].map((r) => r.settled));
    },
  };
}
