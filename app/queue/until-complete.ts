import type { RunReport } from './sweep-queue.js';
import { withinMs } from './within-ms.js';

/** How far a run is, in counts (one round trip, whatever the run's size). */
export interface RunProgress {
  listed: boolean;
  targets: number;
  done: number;
}

export interface RunWatch {
  /** Cheap: read at every poll. */
  progress(runId: string): Promise<RunProgress>;
  /** Dear (a look at every job not done): read when the counts say the run may be complete, or have stood still. */
  report(runId: string): Promise<RunReport>;
}

export interface WatchTiming {
  pollMs: number;
  /** How long Redis may give no answer before this fails. */
  answerMs: number;
  /**
   * Counts unchanged this long → a full report (a job that failed past its attempts, or is gone,
   * leaves the counts short forever: only the jobs' states tell); at most once per `stillMs`.
   */
  stillMs: number;
}

/**
 * Looks at run `runId` every `pollMs` until it is complete. Each look reads counts only; the full
 * report, which reads every job not done, comes when the counts say "all done" or have stood still
 * for `stillMs` — so a waiting `sweep --once` costs Redis one small round trip per poll, not one per
 * pending job (at 10,000 repositories that was most of the sweep's CPU). Redis may be down for a
 * moment (a restart, a failover): only once it has given no answer for `answerMs` does this fail,
 * in one line.
 */
export async function untilComplete(runId: string, watch: RunWatch, timing: WatchTiming): Promise<RunReport> {
  const { pollMs, answerMs, stillMs } = timing;
  let answered = Date.now();
  let seen = '';
  let changedAt = Date.now();
  let reportedAt = 0;
  let reportedAs: string | undefined;
  for (;;) {
    try {
      const p = await withinMs(watch.progress(runId), answerMs, `sweep queue: run ${runId}`);
      const now = Date.now();
      const counts = `${p.listed}:${p.targets}:${p.done}`;
      if (counts !== seen) [seen, changedAt] = [counts, now];
      const mayBeComplete = p.listed && p.done >= p.targets && counts !== reportedAs;
      const standingStill = now - changedAt >= stillMs && now - reportedAt >= stillMs;
      if (mayBeComplete || standingStill || reportedAs === undefined) {
        const report = await withinMs(watch.report(runId), answerMs, `sweep queue: run ${runId}`);
        if (report.complete) return report;
        [reportedAt, reportedAs] = [Date.now(), counts];
      }
      answered = Date.now();
    } catch (error) {
      if (Date.now() - answered >= answerMs) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
