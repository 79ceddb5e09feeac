import { generateKeyPairSync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClientCare, type ClientCare } from '../../../app/octokit/prepare-client.js';
import type { RedisEtagCache } from '../../../app/octokit/redis-etag-cache.js';
import type { RedisTokenCache } from '../../../app/octokit/token-cache.js';
import { createRepoLock } from '../../../app/repo/with-repo-lock.js';
import type { AppRecord, GitHubEmulator } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startRedis, type TestRedis } from '../support/start-redis.js';
import { createAppWorld } from '../support/app-world.js';
import { startAppWith } from '../support/robust-world.js';

// With REDIS_URL and the App's private key: the ETag cache shared through Redis holds every
// GET answer — file contents, issue lists, comments — encrypted (app/octokit/etag-sealer.ts), so a
// process that never swept the org sweeps it unchanged with 304s only. A real redis-server, the
// emulator and its clock. test/app/octokit/redis-etag.test.ts is the same without a key (allowlist only).

const CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path}';
const ISSUE_LISTS = ['GET /repos/{owner}/{repo}/issues', 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'];

let redis: TestRedis;
let gh: GitHubEmulator;
let app: AppRecord;
const cares: ClientCare[] = [];
beforeAll(async () => {
  redis = await startRedis();
  ({ gh, app } = await createAppWorld());
});
afterEach(async () => {
  await Promise.all(cares.splice(0).map((care) => care.close()));
});
afterAll(async () => {
  await gh.close();
  await redis.stop();
});

/** A process's care as `createApp` builds it from REDIS_URL and the PEM, on the emulator's clock. */
function sealedCare(privateKey: string | undefined = app.privateKey): ClientCare {
  const care = createClientCare(
    { now: () => gh.clock.now().getTime(), sleep: async (ms) => gh.clock.advance(ms) },
    { redisUrl: redis.url, ...(privateKey && { privateKey }) },
  );
  cares.push(care);
  return care;
}

/** A whole sweep by a fresh process (its own memory, lock and Redis connection); the log of its requests. */
async function sweepAsNewProcess(care: ClientCare): Promise<typeof gh.log.entries> {
  const running = await startAppWith(gh, app, { clients: care, lock: createRepoLock() });
  gh.log.clear();
  try {
    const result = await running.sweep();
    expect(result.failed).toEqual([]);
    expect(result.results.flatMap((r) => r.actions)).toEqual([]);
  } finally {
    await running.close();
  }
  return gh.log.entries;
}

/** Counted requests by route, for the test's output. */
const countedByRoute = (entries: typeof gh.log.entries) => {
  const by: Record<string, number> = {};
  for (const e of entries.filter((e) => e.counted)) by[e.route ?? e.path] = (by[e.route ?? e.path] ?? 0) + 1;
  return by;
};

/** Every value of the shared ETag cache, raw. */
async function redisEtagValues(): Promise<Map<string, Buffer>> {
  const admin = redis.connect();
  try {
    const keys = await admin.keys('key-hygiene:etag:*');
    return new Map(await Promise.all(keys.map(async (key) => [key, (await admin.getBuffer(key))!] as const)));
  } finally {
    admin.disconnect();
  }
}

describe("an encrypted ETag cache in Redis (the App's private key)", () => {
  it('lets a process that never swept the org sweep it unchanged with 0 counted requests for contents and issue lists', async () => {
    const first = await startAppWith(gh, app, { clients: sealedCare(), lock: createRepoLock() });
    expect((await first.sweep()).failed).toEqual([]);
    // The first sweep's own writes changed the issue lists: the second reads them afresh once.
    expect((await first.sweep()).results[0]!.actions).toEqual([]);
    await first.close();

    const entries = await sweepAsNewProcess(sealedCare());
    const { requests, counted, notModified } = gh.log.counters();
    const gets = entries.filter((e) => e.method === 'GET');
    console.info(
      `encrypted Redis ETag cache: a fresh process swept the unchanged org in ${requests} requests, ${counted} counted, ${notModified} × 304; counted by route: ${JSON.stringify(countedByRoute(entries))}`,
    );
    const readAgain = gets.filter((e) => e.route === CONTENTS || ISSUE_LISTS.includes(e.route ?? ''));
    console.info(
      `contents and issue lists: ${readAgain.length} requests, ${readAgain.filter((e) => e.counted).length} counted, ${readAgain.filter((e) => e.status === 304).length} × 304`,
    );
    expect(readAgain.length).toBeGreaterThan(5);
    expect(readAgain.filter((e) => e.counted || e.status !== 304)).toEqual([]);
    // Nothing else is read afresh either; what is still counted is the token (a POST) and the 403s of
    // routes this installation may not read (organisation and Dependabot secrets), never cached.
    expect(gets.filter((e) => e.counted && e.status < 400)).toEqual([]);

    const keys = [...(await redisEtagValues()).keys()];
    expect(keys.filter((k) => k.includes('/contents/')).length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.includes('/issues')).length).toBeGreaterThan(0);
  });

  it('holds only ciphertext: a generated key pasted into a comment and an issue body is in no value, gunzipped or not', async () => {
    const key = makeKey('openai-project-key', 92);
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
    const entries = await sweepAsNewProcess(sealedCare());
    // The sweep read the new comment (a 200) and cached it in Redis.
    expect(entries.some((e) => e.route === ISSUE_LISTS[1] && e.status === 200)).toBe(true);

    const values = await redisEtagValues();
    expect(values.size).toBeGreaterThan(10);
    expect(
      [...values.keys()].filter((name) => name.includes(`/issues/${issue.number}/comments`)).length,
    ).toBeGreaterThan(0);
    for (const [name, value] of values) {
      const texts = [
        value.toString('utf8'),
        value.toString('latin1'),
        ...[0, 1, 29].flatMap((at) => {
          try {
            return [gunzipSync(value.subarray(at)).toString('utf8')];
          } catch {
            return [];
          }
        }),
      ];
      for (const text of texts) {
        expect([
          name,
          text.includes(key.slice(8, -4)) || text.includes('For the record') || text.includes('STRIPE_API_KEY'),
        ]).toEqual([name, false]);
      }
    }
  });

  it('misses on values written with another key (another App, a rotated PEM): read afresh, never an error', async () => {
    const rotated = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const care = sealedCare(rotated);
    const entries = await sweepAsNewProcess(care);
    const fresh = entries.filter((e) => e.method === 'GET' && e.counted);
    const tokens = care.tokens as RedisTokenCache;
    console.info(`another key: ${fresh.length} counted GETs, ${tokens.unreadable} shared tokens that did not open`);
    expect(fresh.filter((e) => e.route === CONTENTS).length).toBeGreaterThan(0);
    // Each URL's first read is a 200: a 304 comes only after this process cached the answer itself.
    const firsts = entries.filter((e, i) => e.method === 'GET' && entries.findIndex((o) => o.path === e.path) === i);
    expect(firsts.filter((e) => e.notModified)).toEqual([]);
    // The shared installation token did not open either: this process minted its own, whose ETags
    // are all new (GitHub's are per token) — the others' entries are not even looked up.
    expect(tokens.unreadable).toBeGreaterThan(0);
    expect(entries.filter((e) => e.route === 'POST /app/installations/{installation_id}/access_tokens')).toHaveLength(
      1,
    );
    expect(tokens.failures).toBe(0);
    expect((care.etags as RedisEtagCache).failures).toBe(0);
  });

  it('(without the key, as before: contents and issue lists stay in each process and are read afresh)', async () => {
    const entries = await sweepAsNewProcess(sealedCare(undefined));
    expect(entries.filter((e) => e.route === CONTENTS && e.counted).length).toBeGreaterThan(0);
    expect(entries.filter((e) => ISSUE_LISTS.includes(e.route ?? '') && e.counted).length).toBeGreaterThan(0);
  });
});
