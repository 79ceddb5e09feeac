import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { jobIdOf, periodStart, runIdOf } from '../../../app/queue/run-ids.js';
import type { AppRecord, GitHubEmulator } from '../../support/github-emulator/index.js';
import { buildAppIfStale } from '../../support/app-process.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { DAY, TestOctokit } from '../support/app-world.js';
import { createQueueWorld, issuesByRepo, startQueueProcess, sweepsPerRepo, until } from './queue-world.js';

// Killing one mid-sweep loses nothing and duplicates nothing. The real worker process
// (`node bin/key-hygiene-app.js worker`, configured through the environment only) against the
// emulator and a real redis-server; the emulator holds one request so the kill lands mid-job.

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'key-hygiene-app.js');

let redis: RedisServer;
beforeAll(async () => {
  buildAppIfStale();
  redis = await startRedisServer();
}, 90_000);
afterAll(async () => {
  await redis?.stop();
});
// Every emulator numbers its installations alike: a run of the test before would be this one's.
beforeEach(async () => {
  await redis.flush();
});

/** What a worker reads; a dead worker's job is back in the queue about a second after its last lock renewal. */
function workerEnv(gh: GitHubEmulator, app: AppRecord): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
    REDIS_URL: redis.url,
    KEY_HYGIENE_WORKER_CONCURRENCY: '1',
    KEY_HYGIENE_JOB_LOCK: '1s',
    KEY_HYGIENE_STALLED_CHECK: '300ms',
    KEY_HYGIENE_JOB_BACKOFF: '20ms',
  };
}

/** `key-hygiene-app worker` as a child process; resolves once it says it takes jobs. */
async function spawnWorker(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; output: string[]; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'worker'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('key-hygiene-app: worker ready')) resolve();
    });
    void exited.then((code) =>
      reject(new Error(`worker exited with ${code} before it was ready:\n${output.join('')}`)),
    );
  });
  return { child, output, exited };
}

describe('a worker process killed mid-sweep', () => {
  it('loses nothing and duplicates nothing: sweep --once finishes the run, the killed job done again from GitHub’s state', async () => {
    const { gh, app, installation, repos } = await createQueueWorld(5);
    const producer = startQueueProcess(gh, app, redis.url, { work: false });
    let worker: Awaited<ReturnType<typeof spawnWorker>> | undefined;
    try {
      worker = await spawnWorker(workerEnv(gh, app));
      // The first job's key issue goes through; then its check for a twin (its second listing of
      // issues) is held for 5 s: the worker is killed in between, its dashboard not yet written.
      gh.faults.inject({
        method: 'GET',
        route: '/repos/{owner}/{repo}/issues',
        kind: 'delay',
        ms: 5000,
        skip: 1,
        times: 1,
      });
      const runId = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), DAY));
      await producer.sweeps.enqueue(installation.id, runId);
      await until(() => gh.store.issues.length === 1, 'the first key issue');
      worker.child.kill('SIGKILL');
      await worker.exited;
      const killed = repos.find((name) => issuesByRepo(gh, name).keys.length === 1)!;
      expect(issuesByRepo(gh, killed)).toEqual({
        keys: [`${killed}|repo|*|openai_api_key|rotate`],
        dashboards: 0,
        closed: 0,
      });
      expect(await producer.sweeps.queue.getJobState(jobIdOf(runId, killed))).toBe('active');
      gh.faults.clear();

      // `sweep --once` queues the run of this period again and works it; the killed job comes back once its lock runs out.
      const out: string[] = [];
      const env = workerEnv(gh, app);
      const code = await main(['sweep', '--once'], env, {
        out: { write: (t: string) => out.push(t) },
        err: { write: (t: string) => out.push(t) },
        now: () => gh.clock.now(),
        Octokit: TestOctokit,
      });
      // Five dashboards, four key issues: the killed job's issue was already there.
      expect(out.join('')).toBe('key-hygiene-app: swept 5 repositories in 1 installations, 9 applied actions\n');
      expect(code).toBe(0);

      for (const name of repos)
        expect(issuesByRepo(gh, name), name).toEqual({
          keys: [`${name}|repo|*|openai_api_key|rotate`],
          dashboards: 1,
          closed: 0,
        });
      const sweeps = sweepsPerRepo(gh);
      expect(Object.fromEntries(sweeps)).toEqual(
        Object.fromEntries(repos.map((name) => [name, name === killed ? 2 : 1])),
      );
      expect(await producer.sweeps.report(runId)).toMatchObject({ complete: true, failed: [], swept: repos });
    } finally {
      if (worker?.child.exitCode === null) worker.child.kill('SIGKILL');
      await producer.sweeps.close();
      await gh.close();
    }
  });

  it('on SIGTERM finishes the job in hand, takes no other, and exits 0', async () => {
    const { gh, app, installation, repos } = await createQueueWorld(2);
    const producer = startQueueProcess(gh, app, redis.url, { work: false });
    const worker = await spawnWorker(workerEnv(gh, app));
    try {
      gh.faults.inject({
        method: 'GET',
        route: '/repos/{owner}/{repo}/actions/secrets',
        kind: 'delay',
        ms: 1500,
        times: 1,
      });
      const runId = runIdOf(installation.id, periodStart(gh.clock.now().getTime(), DAY));
      await producer.sweeps.enqueue(installation.id, runId);
      const first = jobIdOf(runId, repos[0]!);
      await until(
        async () => (await producer.sweeps.queue.getJobState(first)) === 'active',
        'the first repository’s job',
      );
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output.join('')).toContain('key-hygiene-app: worker stopping: finishing the jobs in hand');

      const report = await producer.sweeps.report(runId);
      expect(report).toMatchObject({ complete: false, swept: [repos[0]], pending: [repos[1]], failed: [] });
      expect(issuesByRepo(gh, repos[0]!)).toEqual({
        keys: [`${repos[0]}|repo|*|openai_api_key|rotate`],
        dashboards: 1,
        closed: 0,
      });
      expect(sweepsPerRepo(gh).get(repos[1]!)).toBeUndefined();
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await producer.sweeps.close();
      await gh.close();
    }
  });
});
