import type { Job } from 'bullmq';
import { INSTALLATION_TARGET, installationOfRun, jobIdOf, targetOfJobId } from './run-ids.js';
import type { RunLedger } from './run-ledger.js';
import type { DeadLetter, RunReport } from './sweep-queue.js';
import { oneLineError } from '../../src/one-line-error.js';

/** What became of a job the run's ledger does not list as done. */
export type JobFate = 'failed' | 'gone' | 'pending';

/** The part of BullMQ's queue a report reads. */
export interface QueueView {
  getJob(id: string): Promise<Job | undefined>;
  /** Each job's fate, for many jobs at once (one pipelined round trip, no job read). */
  fatesOf(ids: readonly string[]): Promise<JobFate[]>;
}

/**
 * Where a run stands, from its ledger and the state of its jobs that are not done: a job that
 * failed past its attempts (or is gone) is a failure line, any other is pending. The run is
 * complete once it was listed and nothing is pending — or its listing failed for good.
 */
export async function reportRun(runId: string, ledger: RunLedger, queue: QueueView): Promise<RunReport> {
  const record = await ledger.read(runId);
  if (!record.installationJobId) throw new Error(`run ${runId} is not known (never queued, or past its retention)`);
  const installationId = record.installationId ?? installationOfRun(runId);
  const failed: string[] = [];
  const pending: string[] = [];
  const open = record.listed ? record.targets.filter((t) => !record.done.has(t)) : [INSTALLATION_TARGET];
  const ids = open.map((target) =>
    target === INSTALLATION_TARGET ? record.installationJobId! : jobIdOf(runId, target),
  );
  const fates = await queue.fatesOf(ids);
  for (const [i, target] of open.entries()) {
    if (fates[i] === 'pending') pending.push(target);
    else if (fates[i] === 'gone')
      failed.push(`${describeTarget(target, installationId)}: its job is gone before it finished`);
    else
      failed.push(
        `${describeTarget(target, installationId)}: ${oneLineError((await queue.getJob(ids[i]!))?.failedReason ?? 'unknown error')}`,
      );
  }
  return {
    runId,
    installationId,
    complete: pending.length === 0,
    swept: record.targets.filter((t) => record.done.has(t) && !t.endsWith('/*')),
    skipped: record.skipped,
    failed,
    pending,
    actions: record.actions,
  };
}

/** The run and target of one of the queue's jobs (a schedule's job: its installation listing). */
export function targetOfJob(job: Job): { runId: string; target: string } {
  const named = targetOfJobId(job.id ?? '');
  if (named) return named;
  const data = job.data as { runId?: string; installationId?: number };
  return { runId: data.runId ?? `${data.installationId ?? '?'}:scheduled`, target: INSTALLATION_TARGET };
}

/** The newest `count` dead letters (jobs failed past their attempts), newest first. */
export async function deadLettersOf(
  queue: { getFailed(start: number, end: number): Promise<Job[]> },
  count: number,
): Promise<DeadLetter[]> {
  return (await queue.getFailed(0, count - 1)).map(toDeadLetter);
}

export function toDeadLetter(job: Job): DeadLetter {
  return {
    jobId: job.id ?? '',
    ...targetOfJob(job),
    reason: oneLineError(job.failedReason ?? 'unknown error'),
    attempts: job.attemptsMade,
    failedAt: new Date(job.finishedOn ?? 0),
  };
}

/** As the one-process sweep words its failures: `acme/api`, `acme (organisation secrets)`, `installation 42`. */
function describeTarget(target: string, installationId: number): string {
  if (target === INSTALLATION_TARGET) return `installation ${installationId}`;
  return target.endsWith('/*') ? `${target.slice(0, -2)} (organisation secrets)` : target;
}
