import { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BullmqSweepQueue } from '../../../app/queue/bullmq-sweep-queue.js';
import { createClientCare } from '../../../app/octokit/prepare-client.js';
import { createApp } from '../../../app/index.js';
import { periodStart, runIdOf } from '../../../app/queue/run-ids.js';
import type { RunReport } from '../../../app/queue/sweep-queue.js';
import { offsetOf, schedulerIdOf, syncJobSchedulers } from '../../../app/schedule/sync-job-schedulers.js';
import { defaultSettings, type AppSettings } from '../../../app/settings.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { TestOctokit } from '../support/app-world.js';
import { createQueueWorld, issuesByRepo, startQueueProcess, sweepsPerRepo, TEST_QUEUE } from './queue-world.js';

// A repeatable schedule per installation: with REDIS_URL the server keeps one BullMQ
// job scheduler per installation and works the runs they make. Periods here are under a second:
// BullMQ's schedules run on real time.

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

/** Asks again every 20 ms until `probe` gives something (real time: BullMQ's schedules are real time). */
async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * The server as `probot run` makes it, with REDIS_URL, on a fresh Redis and a world of two
 * repositories; `stop` does what SIGTERM would, then closes the emulator.
 */
async function startServer(schedule: Partial<AppSettings>) {
  await redis.flush();
  const { gh, app, installation, repos } = await createQueueWorld(2);
  const probot = new Probot({
    appId: app.id,
    privateKey: app.privateKey,
    secret: app.webhookSecret,
    baseUrl: gh.apiV3Url,
    Octokit: TestOctokit,
    logLevel: 'fatal',
  });
  const stops: Array<() => Promise<void>> = [];
  let made: BullmqSweepQueue | undefined;
  const settings = { ...defaultSettings, ...schedule, queue: { ...TEST_QUEUE, redisUrl: redis.url } };
  const now = () => gh.clock.now();
  const sleep = async (ms: number) => gh.clock.advance(ms);
  createApp({
    settings,
    now,
    sleep,
    clients: createClientCare({ now: () => now().getTime(), sleep }),
    stopWith: (stop) => stops.push(stop),
    onSweepQueue: (q) => (made = q),
  })(probot);
  if (!made) throw new Error('the server made no sweep queue');
  const stop = async () => {
    await Promise.all(stops.map((s) => s()));
    await gh.close();
  };
  return { gh, installation, repos, probot, sweeps: made, stop };
}

describe('job schedulers', () => {
  it('one per installation at its own offset; a sync again keeps the next run; a gone installation loses its own', async () => {
    await redis.flush();
    const { gh, app } = await createQueueWorld(0);
    const { sweeps } = startQueueProcess(gh, app, redis.url, { work: false });
    try {
      const s = { everyMs: 86_400_000, jitterMs: 3_600_000, jobOptions: sweeps.jobOptions };
      await syncJobSchedulers(sweeps.queue, [11, 12], s);
      const first = await sweeps.queue.getJobSchedulers();
      expect(first.map((j) => [j.key, j.every, j.offset]).sort()).toEqual([
        [schedulerIdOf(11), 86_400_000, offsetOf(11, 86_400_000, 3_600_000)],
        [schedulerIdOf(12), 86_400_000, offsetOf(12, 86_400_000, 3_600_000)],
      ]);
      expect(first.every((j) => j.template?.opts?.attempts === TEST_QUEUE.attempts)).toBe(true);

      await syncJobSchedulers(sweeps.queue, [11], s);
      const second = await sweeps.queue.getJobSchedulers();
      expect(second.map((j) => j.key)).toEqual([schedulerIdOf(11)]);
      expect(second[0]!.next).toBe(first.find((j) => j.key === schedulerIdOf(11))!.next);
      expect(await sweeps.queue.getDelayedCount()).toBe(1);
    } finally {
      await sweeps.close();
      await gh.close();
    }
  });

  it('the server with REDIS_URL schedules each installation and works the run its schedule makes', async () => {
    const everyMs = 800;
    const { gh, installation, repos, sweeps, stop } = await startServer({ sweepEveryMs: everyMs, jitterMs: 100 });
    try {
      const scheduler = await until(() => sweeps.queue.getJobScheduler(schedulerIdOf(installation.id)), 'the schedule');
      expect(scheduler).toMatchObject({ every: everyMs, offset: offsetOf(installation.id, everyMs, 100) });
      // The schedule's job names no run: it is the run of the period it fell due in.
      const runId = runIdOf(installation.id, periodStart(scheduler.next!, everyMs));
      await until(() => sweeps.report(runId), `run ${runId}`);
      const report: RunReport = await sweeps.whenDone(runId);
      expect(report).toMatchObject({ complete: true, failed: [], swept: repos });
      for (const name of repos)
        expect(issuesByRepo(gh, name)).toEqual({
          keys: [`${name}|repo|*|openai_api_key|rotate`],
          dashboards: 1,
          closed: 0,
        });
    } finally {
      await stop();
    }
  });

  it("each period's job is the run of the period it falls due in, as sweep --once names it: the next period sweeps again", async () => {
    const everyMs = 800;
    const { gh, installation, repos, sweeps, stop } = await startServer({ sweepEveryMs: everyMs, jitterMs: 100 });
    try {
      const id = schedulerIdOf(installation.id);
      const dues: number[] = [];
      for (const period of [1, 2]) {
        // When the period's job falls due, as the schedule says before it does (its job is made a period early).
        const due = await until(async () => {
          const next = (await sweeps.queue.getJobScheduler(id))?.next;
          return next !== undefined && next > (dues.at(-1) ?? 0) ? next : undefined;
        }, `the schedule of period ${period}`);
        dues.push(due);
        const runId = runIdOf(installation.id, periodStart(due, everyMs));
        await until(() => sweeps.report(runId), `run ${runId}`);
        expect(await sweeps.whenDone(runId), `period ${period}`).toMatchObject({
          runId,
          complete: true,
          failed: [],
          swept: repos,
        });
        const job = await sweeps.queue.getJob(`repeat:${id}:${due}`);
        expect(job?.data).toEqual({ installationId: installation.id, runId });
      }
      // A later period (the next one when idle; on a busy machine the first run can outlast a period
      // of 800 ms, and the one seen next is further on), and its own run: it swept every repository
      // again rather than answer with the first run, already done.
      const periods = (periodStart(dues[1]!, everyMs).getTime() - periodStart(dues[0]!, everyMs).getTime()) / everyMs;
      expect(Number.isInteger(periods) && periods >= 1, `${periods} periods apart`).toBe(true);
      const swept = sweepsPerRepo(gh);
      for (const name of repos) expect(swept.get(name) ?? 0, name).toBeGreaterThanOrEqual(2);
    } finally {
      await stop();
    }
  });

  it('with REDIS_URL, repositories added to an installation are queued as a run, not swept in the webhook handler', async () => {
    const { gh, installation, repos, sweeps, stop, probot } = await startServer({ sweepEveryMs: 0 });
    try {
      const payload = {
        action: 'added',
        installation: { id: installation.id },
        repository_selection: 'selected',
        repositories_added: repos.map((full_name) => ({ full_name, name: full_name.split('/')[1] })),
        repositories_removed: [],
      };
      await probot.receive({ id: 'added-1', name: 'installation_repositories', payload } as unknown as Parameters<
        Probot['receive']
      >[0]);
      const runId = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), 86_400_000));
      await until(() => sweeps.report(runId), `run ${runId}`);
      const report: RunReport = await sweeps.whenDone(runId);
      expect(report).toMatchObject({ complete: true, failed: [], swept: repos });
      for (const name of repos) expect(issuesByRepo(gh, name).keys).toHaveLength(1);
    } finally {
      await stop();
    }
  });
});
