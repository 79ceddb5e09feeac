import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { jobIdOf, runIdOf } from '../../../app/queue/run-ids.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { TestOctokit } from '../support/app-world.js';
import { createQueueWorld, issuesByRepo, startQueueProcess, sweepsPerRepo, until } from './queue-world.js';

// Per-repository jobs with retries and backoff, dead letters visible; a run queued again
// skips what it swept. Faults come from the emulator (a 502 on one route); one worker taking one
// job at a time, so which request fails is known.

const SECRETS = '/repos/{owner}/{repo}/actions/secrets';

async function deadLettersCli(): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await main(
    ['dead-letters'],
    { REDIS_URL: redis.url },
    {
      out: { write: (text: string) => out.push(...text.trimEnd().split('\n')) },
      err: { write: (text: string) => out.push(text.trimEnd()) },
    },
  );
  return { code, out };
}

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});
// Every emulator numbers its installations alike: a run of the test before would be this one's.
beforeEach(async () => {
  await redis.flush();
});

describe('retries', () => {
  it('a job that fails twice is tried again after 100 ms, then 200 ms, and succeeds: one issue, no failure', async () => {
    const { gh, app, installation } = await createQueueWorld(1);
    const worker = startQueueProcess(gh, app, redis.url, { queue: { concurrency: 1, backoffMs: 100 } });
    try {
      gh.faults.inject({ method: 'GET', route: SECRETS, kind: 'status', status: 502, times: 2 });
      const runId = runIdOf(installation.id, gh.clock.now());
      await worker.sweeps.enqueue(installation.id, runId);
      expect(await worker.sweeps.whenDone(runId)).toMatchObject({ complete: true, swept: ['acme/r01'], failed: [] });

      // The run is done once the job's work is; BullMQ reports the job completed just after.
      const attemptsOf = () => worker.events.filter((e) => e.target === 'acme/r01');
      await until(() => attemptsOf().length === 3, 'the third attempt to be reported');
      const attempts = attemptsOf();
      expect(attempts.map((e) => e.outcome)).toEqual(['retry', 'retry', 'done']);
      // Each next attempt at least its backoff after the failure before it (less a little for when the events fire).
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(90);
      expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(190);
      const job = await worker.sweeps.queue.getJob(jobIdOf(runId, 'acme/r01'));
      expect(job?.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 100 } });
      expect(sweepsPerRepo(gh).get('acme/r01')).toBe(3);
      expect(issuesByRepo(gh, 'acme/r01')).toEqual({
        keys: ['acme/r01|repo|*|openai_api_key|rotate'],
        dashboards: 1,
        closed: 0,
      });
      expect(await worker.sweeps.deadLetters()).toEqual([]);
    } finally {
      await worker.sweeps.close();
      await gh.close();
    }
  });

  it('a job failing past its attempts is a dead letter and a line of the run; queued again, the run sweeps only it', async () => {
    const { gh, app, installation } = await createQueueWorld(2);
    const worker = startQueueProcess(gh, app, redis.url, { queue: { concurrency: 1 } });
    try {
      // acme/r01 lists its secrets first and passes; every listing after it fails.
      gh.faults.inject({ method: 'GET', route: SECRETS, kind: 'status', status: 502, skip: 1, times: Infinity });
      const runId = runIdOf(installation.id, gh.clock.now());
      await worker.sweeps.enqueue(installation.id, runId);
      const report = await worker.sweeps.whenDone(runId);
      expect(report).toMatchObject({ complete: true, swept: ['acme/r01'], pending: [] });
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]).toMatch(/^acme\/r02: .+$/);

      const letters = await worker.sweeps.deadLetters();
      expect(letters).toEqual([
        {
          jobId: jobIdOf(runId, 'acme/r02'),
          runId,
          target: 'acme/r02',
          reason: report.failed[0]!.slice('acme/r02: '.length),
          attempts: 3,
          failedAt: expect.any(Date),
        },
      ]);
      expect(await worker.sweeps.deadLetterCount()).toBe(1);
      expect(sweepsPerRepo(gh).get('acme/r02')).toBe(3);
      // `key-hygiene-app dead-letters`: from Redis alone, one line each; exit 1 while there are any.
      const listed = await deadLettersCli();
      expect(listed.code).toBe(1);
      expect(listed.out).toEqual([
        `${letters[0]!.failedAt.toISOString()} acme/r02 (run ${runId}, 3 attempts): ${letters[0]!.reason}`,
        'key-hygiene-app: 1 dead letters',
      ]);

      gh.faults.clear();
      await worker.sweeps.enqueue(installation.id, runId);
      expect(await worker.sweeps.whenDone(runId)).toMatchObject({
        complete: true,
        swept: ['acme/r01', 'acme/r02'],
        failed: [],
      });
      expect(Object.fromEntries(sweepsPerRepo(gh))).toEqual({ 'acme/r01': 1, 'acme/r02': 4 });
      expect(await worker.sweeps.deadLetters()).toEqual([]);
      expect(await deadLettersCli()).toEqual({ code: 0, out: ['key-hygiene-app: 0 dead letters'] });
      for (const name of ['acme/r01', 'acme/r02']) expect(issuesByRepo(gh, name).keys).toHaveLength(1);
    } finally {
      await worker.sweeps.close();
      await gh.close();
    }
  });
});

describe('key-hygiene-app with REDIS_URL', () => {
  it('sweep --once works the run itself, prints the summary, exits 2 on a dead letter; run again, it finishes the run', async () => {
    const { gh, app } = await createQueueWorld(2);
    const env = {
      APP_ID: String(app.id),
      PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
      REDIS_URL: redis.url,
      KEY_HYGIENE_WORKER_CONCURRENCY: '1',
      KEY_HYGIENE_JOB_ATTEMPTS: '2',
      KEY_HYGIENE_JOB_BACKOFF: '10ms',
    };
    const run = async () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['sweep', '--once'], env, {
        out: { write: (t: string) => out.push(t) },
        err: { write: (t: string) => err.push(t) },
        now: () => gh.clock.now(),
        Octokit: TestOctokit,
      });
      return { code, out: out.join(''), err: err.join('') };
    };
    try {
      gh.faults.inject({ method: 'GET', route: SECRETS, kind: 'status', status: 502, skip: 1, times: Infinity });
      const first = await run();
      expect(first.out).toBe('key-hygiene-app: swept 1 repositories in 1 installations, 2 applied actions\n');
      expect(first.err).toMatch(/^key-hygiene-app: acme\/r02: [^\n]+\n$/);
      expect(first.code).toBe(2);

      gh.faults.clear();
      const second = await run();
      expect(second).toEqual({
        code: 0,
        out: 'key-hygiene-app: swept 2 repositories in 1 installations, 4 applied actions\n',
        err: '',
      });
      // The run of this period: acme/r01 was done, only acme/r02 was swept again.
      expect(Object.fromEntries(sweepsPerRepo(gh))).toEqual({ 'acme/r01': 1, 'acme/r02': 3 });
    } finally {
      await gh.close();
    }
  });

  it('worker refuses to start without REDIS_URL, in one line', async () => {
    const lines: string[] = [];
    const io = { out: { write: (t: string) => lines.push(t) }, err: { write: (t: string) => lines.push(t) } };
    expect(await main(['worker'], {}, io)).toBe(2);
    expect(await main(['work'], {}, io)).toBe(2);
    expect(lines).toEqual([
      'key-hygiene-app: REDIS_URL is not set: a worker takes its jobs from Redis (REDIS_URL=redis://host:6379)\n',
      'key-hygiene-app: usage: key-hygiene-app sweep --once [--dry-run] | key-hygiene-app worker | key-hygiene-app dead-letters\n',
    ]);
  });

  it("sweep --once and dead-letters say in one line that Redis does not answer, without the URL's password", async () => {
    const closed = await startRedisServer();
    const url = closed.url.replace('redis://', 'redis://:hunter2@');
    await closed.stop();
    const { gh, app } = await createQueueWorld(1);
    try {
      const lines: string[] = [];
      const io = { out: { write: (t: string) => lines.push(t) }, err: { write: (t: string) => lines.push(t) } };
      const env = {
        APP_ID: String(app.id),
        PRIVATE_KEY: app.privateKey,
        GHE_HOST: gh.host,
        GHE_PROTOCOL: 'http',
        REDIS_URL: url,
      };
      expect(await main(['sweep', '--once'], env, io)).toBe(2);
      expect(await main(['dead-letters'], env, io)).toBe(2);
      expect(lines).toEqual(
        Array(2).fill(
          expect.stringMatching(
            /^key-hygiene-app: Redis at REDIS_URL did not answer: connect ECONNREFUSED 127\.0\.0\.1:\d+\n$/,
          ),
        ),
      );
      expect(lines.join('')).not.toContain('hunter2');
    } finally {
      await gh.close();
    }
  });
});
