import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodStart, runIdOf } from '../../../app/queue/run-ids.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { DAY } from '../support/app-world.js';
import {
  createQueueWorld,
  issuesByRepo,
  startQueueProcess,
  sweepsPerRepo,
  until,
  type QueueProcess,
} from './queue-world.js';

// Sweeps as BullMQ jobs on a real redis-server, shared by several app processes (each its
// own Probot, lock, caches and worker), against the GitHub emulator over HTTP.

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

describe('one run of 30 repositories shared by three processes', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let repos: string[];
  let processes: QueueProcess[];
  let runId: string;

  beforeAll(async () => {
    ({ gh, app, installation, repos } = await createQueueWorld(30));
    processes = [0, 1, 2].map(() => startQueueProcess(gh, app, redis.url, { settings: { maxContentPerSweep: 1000 } }));
    await Promise.all(processes.map((p) => p.sweeps.ready()));
    runId = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), DAY));
  });
  afterAll(async () => {
    await Promise.all((processes ?? []).map((p) => p.sweeps.close()));
    await gh?.close();
  });

  it('sweeps every repository exactly once: one issue per stale key, one dashboard each, no twin', async () => {
    await processes[0]!.sweeps.enqueue(installation.id, runId);
    const report = await processes[0]!.sweeps.whenDone(runId);
    expect(report).toMatchObject({
      runId,
      installationId: installation.id,
      complete: true,
      failed: [],
      pending: [],
      skipped: [],
    });
    expect(report.swept.sort()).toEqual(repos);

    for (const name of repos)
      expect(issuesByRepo(gh, name), name).toEqual({
        keys: [`${name}|repo|*|openai_api_key|rotate`],
        dashboards: 1,
        closed: 0,
      });
    const sweeps = sweepsPerRepo(gh);
    expect(
      [...sweeps.values()].every((n) => n === 1),
      JSON.stringify([...sweeps]),
    ).toBe(true);
    expect(sweeps.size).toBe(30);
    // Each process worked part of the run; together, each job once (BullMQ reports a job completed just after its work).
    const repoJobs = () =>
      processes.map((p) => p.events.filter((e) => e.kind === 'repo' && e.outcome === 'done').length);
    await until(() => repoJobs().reduce((a, b) => a + b) >= 30, 'every job reported completed');
    expect(
      repoJobs().every((n) => n > 0),
      String(repoJobs()),
    ).toBe(true);
    expect(repoJobs().reduce((a, b) => a + b)).toBe(30);
    expect(report.actions).toBe(60); // 30 issues, 30 dashboards
  });

  it('queued again, the run skips every repository it already swept', async () => {
    const before = { requests: gh.log.entries.length, issues: gh.store.issues.length };
    await processes[1]!.sweeps.enqueue(installation.id, runId);
    const report = await processes[1]!.sweeps.whenDone(runId);
    expect(report).toMatchObject({ complete: true, failed: [] });
    expect(report.swept).toHaveLength(30);
    const since = gh.log.entries.slice(before.requests).map((e) => e.route);
    // Only the listing of the installation's repositories (and its token): no repository read again.
    expect(since.filter((r) => r?.startsWith('GET /repos/'))).toEqual([]);
    expect(since).toContain('GET /installation/repositories');
    expect(gh.store.issues).toHaveLength(before.issues);
  });
});

describe('the content cap, across processes', () => {
  it('holds the run to maxContentPerSweep issues and comments however many processes write; the next run goes on', async () => {
    // Every emulator numbers its installations alike: a run of the world before would be this one's.
    await redis.flush();
    const { gh, app, installation, repos } = await createQueueWorld(10);
    const start = () =>
      [0, 1, 2].map(() => startQueueProcess(gh, app, redis.url, { settings: { maxContentPerSweep: 7 } }));
    let processes = start();
    try {
      await Promise.all(processes.map((p) => p.sweeps.ready()));
      const created = () => gh.store.issues.length + gh.store.comments.length;
      const first = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), DAY));
      await processes[0]!.sweeps.enqueue(installation.id, first);
      expect(await processes[0]!.sweeps.whenDone(first)).toMatchObject({ complete: true, failed: [] });
      expect(created()).toBe(7);
      expect(gh.store.issues.every((i) => i.state === 'open')).toBe(true);

      // A day later; restarted, as the cached installation tokens expired on GitHub's clock.
      gh.clock.advance(DAY);
      await Promise.all(processes.map((p) => p.sweeps.close()));
      processes = start();
      const second = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), DAY));
      await processes[2]!.sweeps.enqueue(installation.id, second);
      expect(await processes[2]!.sweeps.whenDone(second)).toMatchObject({ complete: true, failed: [] });
      expect(created()).toBe(14);
      // Never two open issues for one key.
      for (const name of repos)
        expect(new Set(issuesByRepo(gh, name).keys).size).toBe(issuesByRepo(gh, name).keys.length);
    } finally {
      await Promise.all(processes.map((p) => p.sweeps.close()));
      await gh.close();
    }
  });
});
