import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Probot } from 'probot';
import type { AppSettings } from '../settings.js';
import type { RepoLock } from '../repo/with-repo-lock.js';
import type { SweepJobResult } from './job-data.js';
import type { QueueSettings } from './queue-settings.js';
import { redisRunBudget } from './run-budget.js';
import { INSTALLATION_TARGET, jobIdOf } from './run-ids.js';
import { RunLedger } from './run-ledger.js';
import { deadLettersOf, reportRun, targetOfJob, type JobFate, type QueueView } from './report-run.js';
import { workSweepJob, type SweepWork } from './sweep-jobs.js';
import type { SweepQueue } from './sweep-queue.js';
import { closeOnOutage } from './close-on-outage.js';
import { untilComplete } from './until-complete.js';
import { withinMs } from './within-ms.js';
import { oneLineError } from '../../src/one-line-error.js';

/** BullMQ's queue name; its keys live under `key-hygiene:sweeps:`. */
export const QUEUE_NAME = 'sweeps';
export const QUEUE_PREFIX = 'key-hygiene';

/** A job of this process finished an attempt (for metrics). */
export interface SweepJobEvent {
  kind: 'installation' | 'org' | 'repo';
  runId: string;
  target: string;
  /** `done`; `retry` (failed, tried again after a backoff); `dead` (failed past its attempts). */
  outcome: 'done' | 'retry' | 'dead';
  attempts: number;
  ms: number;
}

export interface BullmqSweepOptions {
  app: Probot;
  settings: AppSettings;
  queue: QueueSettings;
  now: () => Date;
  lock: RepoLock;
  /** Work jobs in this process (the server, `worker`, `sweep --once`); false only queues and reports. */
  work: boolean;
  /** Where job failures and runs are logged; Probot's log (read when used: it exists once Probot is ready) by default. */
  log?: { info: (message: string) => unknown; warn: (message: string) => unknown };
  observe?: (event: SweepJobEvent) => void;
  /** How often `whenDone` looks at the run (default 200 ms). */
  pollMs?: number;
  /** How long a run's counts stand still before `whenDone` looks at each of its jobs (a dead letter; default 5 s). */
  stillMs?: number;
  /** How long Redis may give no answer before `enqueue` and `whenDone` fail and `close` stops waiting for it (default 10 s). */
  answerMs?: number;
}

export interface BullmqSweepQueue extends SweepQueue {
  /** BullMQ's queue: the schedules are kept on it (app/schedule/sync-job-schedulers.ts). */
  readonly queue: Queue;
  /** The options every sweep job gets: attempts, exponential backoff, retention. */
  readonly jobOptions: JobsOptions;
  /** Resolves once this process takes jobs (or, when it only queues, once it is connected). */
  ready(): Promise<void>;
  deadLetterCount(): Promise<number>;
  /** Jobs per state (`waiting`, `prioritized`, `active`, `delayed`, `failed`, `completed`…), for metrics and health. */
  counts(): Promise<Record<string, number>>;
}

/**
 * Sweeps on Redis (README, "Deploy"): any number of processes share a run's jobs. A job's lock is renewed
 * while its worker lives; when a worker dies the lock runs out and another worker's stalled check
 * puts the job back (https://docs.bullmq.io/guide/workers/stalled-jobs). A failed job is tried
 * again after an exponential backoff; past its attempts it stays in the failed set, the dead
 * letters, for the retention time (https://docs.bullmq.io/guide/retrying-failing-jobs).
 */
export function createBullmqSweepQueue(options: BullmqSweepOptions): BullmqSweepQueue {
  const o = {
    ...options,
    log: options.log ?? { info: (m: string) => options.app.log.info(m), warn: (m: string) => options.app.log.warn(m) },
  };
  const { redisUrl, retentionMs, attempts, backoffMs } = o.queue;
  const redis = connectLedger(redisUrl, o.log);
  const ledger = new RunLedger(redis, retentionMs);
  const keep = { age: Math.ceil(retentionMs / 1000) };
  const jobOptions: JobsOptions = {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: keep,
    removeOnFail: keep,
  };
  // The queue only adds and reads (no blocking command): it may share the connection that gives up.
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX, defaultJobOptions: jobOptions });
  // An EventEmitter's unheard 'error' would end the process; the ledger's connection reports an outage.
  queue.on('error', () => undefined);
  const view: QueueView = { getJob: async (id) => queue.getJob(id), fatesOf: (ids) => fatesOf(queue, redis, ids) };

  const work: SweepWork = {
    app: o.app,
    settings: o.settings,
    now: o.now,
    lock: o.lock,
    ledger,
    budgetOf: (runId) => redisRunBudget(redis, runId, o.settings.maxContentPerSweep, retentionMs),
    fanOut: (runId, jobs) => fanOut(queue, redis, jobOptions, runId, jobs),
    log: (message) => o.log.info(message),
  };
  const worker = o.work ? startWorker(o, work) : undefined;

  const report = (runId: string) => reportRun(runId, ledger, view);
  const answerMs = o.answerMs ?? 10_000;
  let closed: Promise<void> | undefined;
  return {
    queue,
    jobOptions,
    // Called from the installation webhook: while Redis is down it fails in bounded time instead of holding the delivery.
    enqueue: (installationId, runId) =>
      withinMs(
        enqueueRun(queue, ledger, jobOptions, installationId, runId),
        answerMs,
        `sweep queue: queuing run ${runId}`,
      ),
    report,
    whenDone: (runId) =>
      untilComplete(
        runId,
        { progress: (id) => ledger.progress(id), report },
        { pollMs: o.pollMs ?? 200, answerMs, stillMs: o.stillMs ?? 5_000 },
      ),
    deadLetters: () => deadLettersOf(queue, 100),
    deadLetterCount: () => queue.getFailedCount(),
    counts: () => queue.getJobCounts(),
    ready: () => (worker ? worker.waitUntilReady() : queue.waitUntilReady()).then(() => undefined),
    close: () =>
      (closed ??= (async () => {
        const graceful = async () => {
          await worker?.close();
          await queue.close();
          await redis.quit().catch(() => redis.disconnect());
        };
        const force = async () => {
          redis.disconnect();
          await queue.close();
          await worker?.close(true);
        };
        await closeOnOutage({ graceful, force, ping: () => redis.ping() }, answerMs, o.pollMs ?? 200);
      })()),
  };
}

/** Queues run `runId`: still queued or running, its installation job will list it; finished, a new one resumes it. */
async function enqueueRun(
  queue: Queue,
  ledger: RunLedger,
  jobOptions: JobsOptions,
  installationId: number,
  runId: string,
): Promise<void> {
  const id = jobIdOf(runId, INSTALLATION_TARGET);
  if (!(await restartIfDead(queue, id, true))) return;
  await ledger.open(runId, installationId, id);
  await queue.add('installation', { installationId, runId }, { ...jobOptions, jobId: id });
}

/**
 * The connection for runs' progress and budgets, and the queue's. The worker's own wait for Redis to
 * come back, as BullMQ requires of blocking connections (https://docs.bullmq.io/guide/going-to-production);
 * this one gives up on a command after a few reconnections, so `enqueue` and `whenDone` fail in an
 * outage instead of hanging (https://docs.bullmq.io/patterns/failing-fast-when-redis-is-down).
 */
function connectLedger(url: string, log: { warn: (message: string) => unknown }): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  // ioredis reconnects by itself; say so once per outage rather than at every attempt.
  let up = true;
  redis.on('ready', () => (up = true));
  redis.on('error', (error: Error) => {
    if (up) log.warn(`sweep queue: Redis unreachable, retrying: ${oneLineError(error)}`);
    up = false;
  });
  return redis;
}

/**
 * Whether each job failed past its attempts (it is in BullMQ's failed set), is gone (its hash is
 * not there: removed, or never added), or is on its way — two cheap commands per job, pipelined,
 * where `getJob` + `getState` cost a hash read, a parse and a Lua script each.
 */
async function fatesOf(queue: Queue, redis: Redis, ids: readonly string[]): Promise<JobFate[]> {
  const fates: JobFate[] = [];
  for (let at = 0; at < ids.length; at += 1000) {
    const chunk = ids.slice(at, at + 1000);
    const pipeline = redis.pipeline();
    for (const id of chunk) pipeline.exists(queue.toKey(id)).zscore(queue.keys.failed!, id);
    const answers = (await pipeline.exec()) ?? [];
    for (const [error] of answers) if (error) throw error;
    chunk.forEach((_, i) => {
      const [exists, failedScore] = [answers[2 * i]?.[1], answers[2 * i + 1]?.[1]];
      fates.push(failedScore != null ? 'failed' : exists ? 'pending' : 'gone');
    });
  }
  return fates;
}

/**
 * BullMQ's highest priority number (https://docs.bullmq.io/guide/jobs/prioritized): lower goes first.
 */
const LOWEST_PRIORITY = 2_097_152;

/**
 * Queues jobs of a run. Repositories wait behind each organisation's pass (jobs without a priority
 * go first), as in one process; the n-th repository of every run gets priority n, so the runs of
 * several installations interleave instead of queuing one after the other. That is fair — a small
 * org is not swept after a big one's thousands of repositories — and it is fast: GitHub paces
 * content writes per installation (Octokit's throttling spaces issue creation 3 s apart per
 * installation, shared by every process through Redis), so one installation's stale keys alone
 * would hold every worker's slots waiting on its pace.
 */
async function fanOut(
  queue: Queue,
  redis: Redis,
  jobOptions: JobsOptions,
  runId: string,
  jobs: Parameters<SweepWork['fanOut']>[1],
): Promise<void> {
  // A job that failed past its attempts is removed so that adding it again starts it afresh; BullMQ
  // ignores the others' ids (queued, running or done: the ledger skips what is done).
  const ids = jobs.map((job) => jobIdOf(runId, job.target));
  const fates = await fatesOf(queue, redis, ids);
  for (const [i, id] of ids.entries()) if (fates[i] === 'failed') await queue.remove(id);
  let nth = 0;
  await queue.addBulk(
    jobs.map((job) => ({
      name: job.name,
      data: job.data,
      opts: {
        ...jobOptions,
        jobId: jobIdOf(runId, job.target),
        ...(job.name === 'repo' && { priority: Math.min(++nth, LOWEST_PRIORITY) }),
      },
    })),
  );
}

function startWorker(o: BullmqSweepOptions & Required<Pick<BullmqSweepOptions, 'log'>>, work: SweepWork): Worker {
  const { concurrency, lockMs, stalledCheckMs, attempts } = o.queue;
  const worker = new Worker<unknown, SweepJobResult>(QUEUE_NAME, (job) => workSweepJob(job, work), {
    connection: { url: o.queue.redisUrl },
    prefix: QUEUE_PREFIX,
    concurrency,
    lockDuration: lockMs,
    stalledInterval: stalledCheckMs,
    // A job whose worker died goes back to the queue as often as a failing one is retried.
    maxStalledCount: attempts,
  });
  const event = (job: Job, outcome: SweepJobEvent['outcome']): SweepJobEvent => ({
    kind: job.name as SweepJobEvent['kind'],
    ...targetOfJob(job),
    outcome,
    attempts: job.attemptsMade,
    ms: (job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now()),
  });
  worker.on('completed', (job) => o.observe?.(event(job, 'done')));
  worker.on('failed', (job, error) => {
    if (!job) return;
    const dead = job.attemptsMade >= (job.opts.attempts ?? 1);
    const { target } = targetOfJob(job);
    o.log.warn(
      `sweep of ${target} failed (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}${dead ? ', now a dead letter' : ''}): ${oneLineError(error)}`,
    );
    o.observe?.(event(job, dead ? 'dead' : 'retry'));
  });
  worker.on('stalled', (jobId) => o.log.warn(`job ${jobId} lost its worker: back in the queue`));
  worker.on('error', (error) => o.log.warn(`sweep worker: ${oneLineError(error)}`));
  return worker;
}

/**
 * Removes job `id` when it failed past its attempts (or, with `finished`, when it completed too),
 * so adding it again starts it afresh. Returns whether there is room for it now.
 */
async function restartIfDead(queue: Queue, id: string, finished = false): Promise<boolean> {
  const job = await queue.getJob(id);
  if (!job) return true;
  const state = await job.getState();
  if (state === 'failed' || (finished && state === 'completed')) {
    await job.remove();
    return true;
  }
  return state === 'unknown';
}
