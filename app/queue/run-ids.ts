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
 * period in compact UTC. Exactly one colon: BullMQ refuses a custom job id with a colon unless it
 * has three parts, which `<runId>:<target>` then has.
 */
export function runIdOf(installationId: number, start: Date): string {
  return `${installationId}:${start.toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
}

/** The installation a run sweeps. */
export function installationOfRun(runId: string): number {
  return Number(runId.split(':')[0]);
}

/** The start of the period `at` falls in (periods of `everyMs` from the epoch): one run per installation per period. */
export function periodStart(at: number, everyMs: number): Date {
  return new Date(Math.floor(at / everyMs) * everyMs);
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
