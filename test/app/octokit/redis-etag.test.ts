import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botLoginOf } from '../../../app/github/bot-login.js';
import { createClientCare, type ClientCare } from '../../../app/octokit/prepare-client.js';
import type { RedisEtagCache } from '../../../app/octokit/redis-etag-cache.js';
import { sweepInstallation } from '../../../app/sweep/sweep-installation.js';
import { createRepoLock } from '../../../app/repo/with-repo-lock.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startRedis, type TestRedis } from '../support/start-redis.js';
import { createAppWorld, DAY } from '../support/app-world.js';
import { createBareWorld, startAppWith } from '../support/robust-world.js';

// With REDIS_URL: several app processes (here two Probot instances, each with its own
// memory, lock and Redis connection) share one ETag cache and one write pacer per installation.
// A real redis-server, the emulator, the emulator's clock. No private key here: only the allowlisted
// metadata goes to Redis; test/app/octokit/redis-etag-sealed.test.ts shares everything, encrypted.

let redis: TestRedis;
const cares: ClientCare[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(cares.splice(0).map((care) => care.close()));
  const admin = redis.connect();
  await admin.flushall();
  admin.disconnect();
});
afterAll(async () => {
  await redis.stop();
});

/** A process's care as `createApp` builds it from REDIS_URL (none: null) without the PEM, on the emulator's clock. */
function sharedCare(gh: GitHubEmulator, redisUrl: string | null = redis.url): ClientCare {
  const care = createClientCare(
    { now: () => gh.clock.now().getTime(), sleep: async (ms) => gh.clock.advance(ms) },
    { ...(redisUrl !== null && { redisUrl }) },
  );
  cares.push(care);
  return care;
}

/** Every value of the shared ETag cache, unzipped. */
async function redisEtagTexts(): Promise<string[]> {
  const admin = redis.connect();
  try {
    const keys = await admin.keys('key-hygiene:etag:*');
    return await Promise.all(keys.map(async (key) => gunzipSync((await admin.getBuffer(key))!).toString('utf8')));
  } finally {
    admin.disconnect();
  }
}

const mostInAnyWindow = (stamps: number[], windowMs: number) =>
  Math.max(...stamps.map((start) => stamps.filter((at) => at >= start && at < start + windowMs).length));

describe('an ETag cache in Redis', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  beforeAll(async () => {
    ({ gh, app } = await createAppWorld());
  });
  afterAll(async () => {
    await gh.close();
  });

  it("keeps each process's installation token out of Redis, so a process that never swept the org reads it afresh (GitHub's ETags are per token); only metadata goes to Redis", async () => {
    const first = await startAppWith(gh, app, { clients: sharedCare(gh), lock: createRepoLock() });
    expect((await first.sweep()).failed).toEqual([]);
    // The first sweep's own writes changed the issue lists: read afresh once; the rest are 304s, from Redis or memory.
    gh.log.clear();
    expect((await first.sweep()).results[0]!.actions).toEqual([]);
    expect(
      gh.log.entries.filter((e) => e.route === 'GET /repos/{owner}/{repo}/actions/secrets').every((e) => e.notModified),
    ).toBe(true);
    await first.close();

    const second = await startAppWith(gh, app, { clients: sharedCare(gh), lock: createRepoLock() });
    gh.log.clear();
    const again = await second.sweep();
    await second.close();
    expect(again.failed).toEqual([]);
    expect(again.results[0]!.actions).toEqual([]);
    // Without the App's private key no token goes to Redis (it would lie there in clear): the new
    // process mints its own, and GitHub matches no ETag another token obtained.
    expect(
      gh.log.entries.filter((e) => e.route === 'POST /app/installations/{installation_id}/access_tokens'),
    ).toHaveLength(1);
    const secretLists = gh.log.entries.filter((e) => e.route === 'GET /repos/{owner}/{repo}/actions/secrets');
    expect(secretLists.length).toBeGreaterThan(0);
    expect(secretLists.filter((e) => e.notModified || !e.counted)).toEqual([]);

    const admin = redis.connect();
    try {
      expect(await admin.keys('key-hygiene:token:*')).toEqual([]);
      const keys = await admin.keys('key-hygiene:etag:*');
      expect(keys.length).toBeGreaterThan(10);
      expect(keys.filter((k) => k.includes('/contents/') || k.includes('/issues'))).toEqual([]);
      // Each entry is one token's (a digest of it, never the token): installation id, then the tag.
      const installationId = [...gh.store.installations.values()][0]!.id;
      expect(
        keys.filter((k) => !new RegExp(`^key-hygiene:etag:(${installationId}\\.[A-Za-z0-9_-]{16}|app):`).test(k)),
      ).toEqual([]);
    } finally {
      admin.disconnect();
    }
  });

  it("holds nothing people wrote: a key pasted into a comment and an issue body on the bot's issues leaves no trace in Redis", async () => {
    const key = makeKey('openai-project-key', 91);
    const issue = gh.store.issues.find(
      (i) => i.user === 'key-hygiene[bot]' && i.state === 'open' && i.title.includes('STRIPE_API_KEY'),
    )!;
    gh.seed.comment({
      repo: 'acme/api',
      issue: issue.number,
      body: `Rotated. For the record, the old one was ${key}`,
      user: 'wendy',
    });
    issue.body = `${issue.body}\n\nOld key, revoked: ${key}`;
    const running = await startAppWith(gh, app, { clients: sharedCare(gh), lock: createRepoLock() });
    gh.log.clear();
    try {
      expect((await running.sweep()).failed).toEqual([]);
    } finally {
      await running.close();
    }
    // The sweep did read both (the comment afresh: it is new), through a client whose cache is Redis.
    expect(
      gh.log.entries.some(
        (e) => e.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments' && e.status === 200,
      ),
    ).toBe(true);
    const texts = await redisEtagTexts();
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.some((text) => text.includes('STRIPE_API_KEY'))).toBe(true);
    for (const text of texts) {
      expect(text).not.toContain(key.slice(8, -4));
      expect(text).not.toContain('For the record');
      expect(text).not.toContain('Old key, revoked');
    }
  });

  it('with Redis configured but down, a sweep still goes through (every read a miss)', async () => {
    const stopped = await startRedis();
    await stopped.stop();
    const care = sharedCare(gh, stopped.url);
    const running = await startAppWith(gh, app, { clients: care, lock: createRepoLock() });
    try {
      const result = await running.sweep();
      expect(result.failed).toEqual([]);
      expect((care.etags as RedisEtagCache).failures).toBeGreaterThan(10);
    } finally {
      await running.close();
    }
  });
});

describe('a write pacer in Redis', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  beforeEach(async () => {
    ({ gh, app, installation } = await createBareWorld());
    const old = new Date(gh.clock.now().getTime() - 100 * DAY);
    for (const repo of ['acme/left', 'acme/right']) {
      gh.seed.repo({ fullName: repo });
      for (let i = 0; i < 45; i++) gh.seed.secret({ scope: 'repo', repo, name: `VENDOR_${i}_API_KEY`, updatedAt: old });
    }
  });
  afterEach(async () => {
    await gh.close();
  });

  /**
   * Two processes, one repository each, more than 80 writes between them within a minute: the
   * first sweeps, then the second. One after the other, because with a shared fake clock one
   * process's "sleep" would jump the clock under the other's request in flight.
   */
  async function sweepOneAfterTheOther(redisUrl: string | null): Promise<number[]> {
    const processes = await Promise.all(
      [0, 1].map(() => startAppWith(gh, app, { clients: sharedCare(gh, redisUrl), lock: createRepoLock() })),
    );
    gh.log.clear();
    try {
      for (const [i, running] of processes.entries()) {
        const result = await sweepInstallation({
          octokit: await running.probot.auth(installation.id),
          botLogin: await botLoginOf(running.probot),
          now: gh.clock.now(),
          dryRun: false,
          maxContent: 200,
          log: () => undefined,
          only: [i === 0 ? 'acme/left' : 'acme/right'],
        });
        expect(result.failed).toEqual([]);
      }
    } finally {
      await Promise.all(processes.map((p) => p.close()));
    }
    return gh.log.entries.filter((e) => e.method !== 'GET' && !e.path.includes('/access_tokens')).map((e) => e.status);
  }

  it("keeps two processes together under 80 writes a minute: the second waits for the first one's writes, not one 403", async () => {
    const statuses = await sweepOneAfterTheOther(redis.url);
    const writes = gh.log.entries
      .filter((e) => e.method !== 'GET' && !e.path.includes('/access_tokens'))
      .map((e) => Date.parse(e.at));
    expect(writes.length).toBeGreaterThan(85);
    expect(statuses.filter((s) => s === 403)).toEqual([]);
    expect(mostInAnyWindow(writes, 60_000)).toBeLessThanOrEqual(80);
    expect(gh.store.issues.filter((i) => i.title.includes('VENDOR_'))).toHaveLength(90);
  });

  it("(without Redis each process paces only itself: GitHub answers the second one's writes with 403s)", async () => {
    const statuses = await sweepOneAfterTheOther(null);
    expect(statuses.filter((s) => s === 403).length).toBeGreaterThan(0);
  });
});
