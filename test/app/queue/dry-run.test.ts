import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Probot } from 'probot';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { createClientCare } from '../../../app/octokit/prepare-client.js';
import { createApp } from '../../../app/index.js';
import { defaultSettings } from '../../../app/settings.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { TestOctokit } from '../support/app-world.js';
import { createQueueWorld, issuesByRepo, sweepsPerRepo, TEST_QUEUE } from './queue-world.js';

// Review finding: with REDIS_URL a dry run queued jobs that carry no dry-run (any worker would
// write) and marked the period's real run done. A dry run never touches the queue now.

let redis: RedisServer;
let client: Redis;
beforeAll(async () => {
  redis = await startRedisServer();
  client = new Redis(redis.url);
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});
beforeEach(async () => {
  await redis.flush();
});

/** The keys of BullMQ's queue and of runs' progress (the ETag cache may hold others). */
const queueKeys = async () => [
  ...(await client.keys('key-hygiene:sweeps:*')),
  ...(await client.keys('key-hygiene:run:*')),
];

/** Requests that were not reads (an installation token is asked for with a POST). */
const writes = (gh: GitHubEmulator) =>
  gh.log.entries
    .filter((e) => e.method !== 'GET' && e.route !== 'POST /app/installations/{installation_id}/access_tokens')
    .map((e) => e.route);

describe('a dry run with REDIS_URL', () => {
  it('sweep --once --dry-run (or KEY_HYGIENE_DRY_RUN) sweeps in this process and says so: no write, no run in Redis; the real sweep then does it all', async () => {
    const { gh, app, repos } = await createQueueWorld(2);
    const env = {
      APP_ID: String(app.id),
      PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
      REDIS_URL: redis.url,
    };
    const run = async (argv: string[], extra: NodeJS.ProcessEnv = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(
        argv,
        { ...env, ...extra },
        {
          out: { write: (t: string) => out.push(t) },
          err: { write: (t: string) => err.push(t) },
          now: () => gh.clock.now(),
          Octokit: TestOctokit,
        },
      );
      return { code, out: out.join(''), err: err.join('') };
    };
    const said = 'key-hygiene-app: dry run: sweeping in this process, not through the Redis queue (REDIS_URL is set)\n';
    try {
      expect(await run(['sweep', '--once', '--dry-run'])).toEqual({
        code: 0,
        out: `${said}key-hygiene-app: swept 2 repositories in 1 installations, 4 planned actions\n`,
        err: '',
      });
      expect(await run(['sweep', '--once'], { KEY_HYGIENE_DRY_RUN: 'true' })).toEqual({
        code: 0,
        out: `${said}key-hygiene-app: swept 2 repositories in 1 installations, 4 planned actions\n`,
        err: '',
      });
      expect(writes(gh)).toEqual([]);
      expect(await queueKeys()).toEqual([]);

      // The period's run was left alone: the real sweep goes through the queue and does everything.
      expect(await run(['sweep', '--once'])).toEqual({
        code: 0,
        out: 'key-hygiene-app: swept 2 repositories in 1 installations, 4 applied actions\n',
        err: '',
      });
      for (const name of repos)
        expect(issuesByRepo(gh, name), name).toEqual({
          keys: [`${name}|repo|*|openai_api_key|rotate`],
          dashboards: 1,
          closed: 0,
        });
      expect(Object.fromEntries(sweepsPerRepo(gh))).toEqual(Object.fromEntries(repos.map((name) => [name, 3])));
      expect(await queueKeys()).not.toEqual([]);

      // A dry-run worker would mark real jobs done having written nothing: it refuses, in one line.
      expect(await run(['worker'], { KEY_HYGIENE_DRY_RUN: 'true' })).toEqual({
        code: 2,
        out: '',
        err: 'key-hygiene-app: KEY_HYGIENE_DRY_RUN is set: a worker applies the jobs it takes; try a dry run with `sweep --once --dry-run`\n',
      });
    } finally {
      await gh.close();
    }
  });

  it('the server in dry run keeps off the queue: new repositories are swept in the handler, writing nothing', async () => {
    const { gh, app, installation, repos } = await createQueueWorld(2);
    const logs: string[] = [];
    const log = pino(
      { level: 'warn' },
      { write: (line: string) => void logs.push((JSON.parse(line) as { msg: string }).msg) },
    );
    const probot = new Probot({
      appId: app.id,
      privateKey: app.privateKey,
      secret: app.webhookSecret,
      baseUrl: gh.apiV3Url,
      Octokit: TestOctokit,
      log,
    });
    const stops: Array<() => Promise<void>> = [];
    let queued = false;
    const settings = {
      ...defaultSettings,
      dryRun: true,
      sweepEveryMs: 0,
      queue: { ...TEST_QUEUE, redisUrl: redis.url },
    };
    const now = () => gh.clock.now();
    const sleep = async (ms: number) => gh.clock.advance(ms);
    createApp({
      settings,
      now,
      sleep,
      clients: createClientCare({ now: () => now().getTime(), sleep }),
      stopWith: (stop) => stops.push(stop),
      onSweepQueue: () => (queued = true),
    })(probot);
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
      expect(queued).toBe(false);
      expect(logs).toEqual(['dry run: sweeps run in this process, not through the Redis queue (REDIS_URL is set)']);
      expect(Object.fromEntries(sweepsPerRepo(gh))).toEqual(Object.fromEntries(repos.map((name) => [name, 1])));
      expect(writes(gh)).toEqual([]);
      expect(await queueKeys()).toEqual([]);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
      await gh.close();
    }
  });
});
