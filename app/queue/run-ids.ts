/**
 * Names of runs and of their jobs. A run is one sweep of one installation; its jobs are named
 * after what they sweep, so adding a job of a run twice adds nothing (BullMQ keeps one job per
 * id: https://docs.bullmq.io/guide/jobs/job-ids) and a resumed run finds what is already done.
 *
 * Targets: `*` the installation (lists its repositories, queues the rest), `org/*` an
 * organisation's own secrets, `owner/repo` a repository. No login or repository name holds `*`.
 */

/** The job that lists the installation's repositories and queues one job per target. */
export const INSTALLATION_TARGET = '*';

/** The target of an organisation's own secrets. */
export function orgTarget(org: string): string {
  return `${org}/*`;
}

/**
 * `<installation>:<start>`, e.g. `42:20260315T000000Z`: the installation and the start of the run's
 * period in compact UTC, its milliseconds too when it has any (`42:20260315T000000.800Z`), so
 * periods shorter than a second get runs of their own. Exactly one colon: BullMQ refuses a custom
 * job id with a colon unless it has three parts, which `<runId>:<target>` then has.
 */
export function runIdOf(installationId: number, start: Date): string {
  return `${installationId}:${start.toISOString().replace(/[-:]|\.000/g, '')}`;
}

/** The installation a run sweeps. */
export function installationOfRun(runId: string): number {
  return Number(runId.split(':')[0]);
}

/** The start of the period `at` falls in (periods of `everyMs` from the epoch): one run per installation per period. */
export function periodStart(at: number, everyMs: number): Date {
  return new Date(Math.floor(at / everyMs) * everyMs);
}

/**
 * When a job scheduler's job is due, from its id: BullMQ 6 names each `repeat:<scheduler>:<millis>`,
 * the millis its `every` slot (plus the offset) falls due at (bullmq/dist/esm/commands/addJobScheduler-11.lua,
 * updateJobScheduler-12.lua). Undefined for any other id.
 * https://docs.bullmq.io/guide/job-schedulers
 */
export function dueAtOfSchedulerJob(jobId: string): number | undefined {
  const m = /^repeat:[^:]+:(\d+)$/.exec(jobId);
  return m ? Number(m[1]) : undefined;
}

/** `<runId>:<target>`: the id of the job that sweeps `target` in run `runId`. */
export function jobIdOf(runId: string, target: string): string {
  return `${runId}:${target}`;
}

/** The target a job id names, or undefined when it is not a run's job (a scheduler's job). */
export function targetOfJobId(jobId: string): { runId: string; target: string } | undefined {
  const parts = jobId.split(':');
  if (parts.length !== 3 || parts[0] === 'repeat') return undefined;
  return { runId: `${parts[0]}:${parts[1]}`, target: parts[2]! };
}
