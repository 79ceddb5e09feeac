import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriesPatches, etagKey, urlOfEtagKey, type CachedAnswer } from '../../../app/octokit/etag-cache.js';
import { createEtagSealer } from '../../../app/octokit/etag-sealer.js';
import { ETAG_TTL_MS, RedisEtagCache, sharesAcrossProcesses } from '../../../app/octokit/redis-etag-cache.js';
import { startRedis, type TestRedis } from '../support/start-redis.js';

const API = 'http://127.0.0.1:3000/api/v3';
const JSON_TYPE = 'application/vnd.github.v3+json';
/** The key the client hook makes for a GET of `path` by installation 42. */
const keyOf = (path: string, accept = JSON_TYPE) => etagKey(42, `${API}${path}`, accept);

/** An App private key, made at test time. */
const pemOf = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

const answer = (data: unknown): CachedAnswer => ({
  etag: 'W/"abc"',
  response: { status: 200, url: 'http://127.0.0.1/api/v3/x', headers: { etag: 'W/"abc"' }, data },
});

// One redis-server for the file: each test uses its own keys.
let server: TestRedis;
let redis: Redis;
beforeAll(async () => {
  server = await startRedis();
  redis = server.connect();
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

describe('RedisEtagCache without a private key (a real redis-server)', () => {
  it('stores gzipped JSON per installation and URL with a 7-day TTL; another process reads it back', async () => {
    const key = keyOf('/repos/acme/api/actions/secrets?per_page=100');
    await new RedisEtagCache(redis).set(key, answer({ total_count: 1, secrets: [{ name: 'OPENAI_API_KEY' }] }));
    const other = server.connect();
    try {
      expect(await new RedisEtagCache(other).get(key)).toEqual(
        answer({ total_count: 1, secrets: [{ name: 'OPENAI_API_KEY' }] }),
      );
    } finally {
      other.disconnect();
    }
    const stored = (await redis.getBuffer(`key-hygiene:etag:${key}`))!;
    expect([...stored.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const ttl = await redis.pttl(`key-hygiene:etag:${key}`);
    expect(ttl).toBeGreaterThan(ETAG_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(ETAG_TTL_MS);
  });

  it('does not keep an answer past the size cap, and drops the older one it would have replaced', async () => {
    const cache = new RedisEtagCache(redis, { maxValueBytes: 1024 });
    const key = keyOf('/repos/acme/big/environments?per_page=100');
    await cache.set(key, answer({ small: true }));
    expect(await cache.get(key)).toBeDefined();
    await cache.set(key, answer({ noise: randomBytes(4096).toString('base64') }));
    expect(await cache.get(key)).toBeUndefined();
    expect(await redis.exists(`key-hygiene:etag:${key}`)).toBe(0);
  });

  it('keeps file contents in the process, never in Redis (a key can sit in any file)', async () => {
    const cache = new RedisEtagCache(redis);
    const key = keyOf('/repos/acme/api/contents/.github%2Fkey-hygiene.yml');
    await cache.set(key, answer({ content: Buffer.from('rotate-every: 90d\n').toString('base64') }));
    expect(await cache.get(key)).toBeDefined();
    expect(await redis.keys('*contents*')).toEqual([]);
    expect(await new RedisEtagCache(redis).get(key)).toBeUndefined();
  });

  it('keeps issues and comments — text people write, where a key gets pasted — in the process too', async () => {
    const cache = new RedisEtagCache(redis);
    const keys = [
      keyOf('/repos/acme/api/issues?state=all&labels=key-hygiene&per_page=100'),
      keyOf('/repos/acme/api/issues/7/comments?per_page=100'),
      keyOf('/repositories/12/issues/7/comments?per_page=100&page=2'),
    ];
    for (const key of keys) await cache.set(key, answer([{ body: 'the key was …' }]));
    for (const key of keys) expect(await cache.get(key)).toBeDefined();
    expect(await redis.keys('*issues*')).toEqual([]);
  });

  it('with Redis gone every read is a miss and every write is dropped: the sweep goes on', async () => {
    const gone = server.connect();
    gone.disconnect();
    const cache = new RedisEtagCache(gone);
    await cache.set(keyOf('/app/installations'), answer([]));
    expect(await cache.get(keyOf('/app/installations'))).toBeUndefined();
    expect(cache.failures).toBe(2);
  });
});

describe("RedisEtagCache with a sealer (the App's private key; a real redis-server)", () => {
  const appKey = pemOf();
  const sealedCache = (pem = appKey, connection = redis) =>
    new RedisEtagCache(connection, { sealer: createEtagSealer(pem) });

  it('shares every answer — contents, issues, comments, pulls — as ciphertext another process with the same key opens', async () => {
    const words = 'the old one was written here';
    const keys = [
      keyOf('/repos/acme/api/contents/.github%2Fkey-hygiene.yml'),
      keyOf('/repos/acme/api/contents/CODEOWNERS', 'application/vnd.github.raw'),
      keyOf('/repos/acme/api/issues?state=all&labels=key-hygiene&per_page=100'),
      keyOf('/repositories/12/issues/7/comments?per_page=100&page=2'),
      keyOf('/repos/acme/api/pulls?head=acme%3Akey-hygiene%2Fconfigure'),
      keyOf('/repos/acme/api/actions/secrets?per_page=100'),
    ];
    for (const key of keys) await sealedCache().set(key, answer([{ body: words }]));
    const other = server.connect();
    try {
      for (const key of keys) expect(await sealedCache(appKey, other).get(key)).toEqual(answer([{ body: words }]));
    } finally {
      other.disconnect();
    }
    for (const key of keys) {
      const stored = (await redis.getBuffer(`key-hygiene:etag:${key}`))!;
      expect(stored[0]).toBe(0x01);
      expect(stored.toString('latin1')).not.toContain('the old one');
      expect(() => gunzipSync(stored)).toThrow();
      expect(() => gunzipSync(stored.subarray(1 + 12 + 16))).toThrow();
    }
    const ttl = await redis.pttl(`key-hygiene:etag:${keys[0]}`);
    expect(ttl).toBeGreaterThan(ETAG_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(ETAG_TTL_MS);
  });

  it('misses, without an error, on a value sealed with another key, moved under another cache key, or stored in clear before', async () => {
    const key = keyOf('/repos/acme/api/issues/3/comments?per_page=100');
    await sealedCache(pemOf()).set(key, answer([{ body: 'x' }]));
    const cache = sealedCache();
    expect(await cache.get(key)).toBeUndefined();

    const moved = keyOf('/repos/acme/web/issues/3/comments?per_page=100');
    await cache.set(key, answer([{ body: 'x' }]));
    await redis.set(`key-hygiene:etag:${moved}`, (await redis.getBuffer(`key-hygiene:etag:${key}`))!);
    expect(await cache.get(moved)).toBeUndefined();

    const metadata = keyOf('/repos/acme/api/environments');
    await new RedisEtagCache(redis).set(metadata, answer({ environments: [] }));
    expect(await cache.get(metadata)).toBeUndefined();
    expect([cache.unreadable, cache.failures]).toEqual([3, 0]);
    // And the way back: a process without the key reads nothing it cannot read.
    await cache.set(metadata, answer({ environments: [] }));
    expect(await new RedisEtagCache(redis).get(metadata)).toBeUndefined();
  });

  it('keeps the size cap on what it stores (ciphertext), dropping the older entry', async () => {
    const cache = new RedisEtagCache(redis, { sealer: createEtagSealer(appKey), maxValueBytes: 1024 });
    const key = keyOf('/repos/acme/big/contents/README.md');
    await cache.set(key, answer({ small: true }));
    expect(await cache.get(key)).toBeDefined();
    await cache.set(key, answer({ noise: randomBytes(4096).toString('base64') }));
    expect(await cache.get(key)).toBeUndefined();
    expect(await redis.exists(`key-hygiene:etag:${key}`)).toBe(0);
  });
});

describe('carriesPatches', () => {
  it('names the answers that hold commit lines: never cached anywhere', () => {
    expect(carriesPatches('http://h/api/v3/repos/acme/api/compare/aaa...bbb?per_page=100')).toBe(true);
    expect(carriesPatches('http://h/api/v3/repos/acme/api/commits/0123456789abcdef')).toBe(true);
    expect(carriesPatches('http://h/api/v3/repos/acme/api/git/blobs/0123456789abcdef')).toBe(true);
    expect(carriesPatches('http://h/api/v3/repos/acme/api/commits?sha=main')).toBe(false);
    expect(carriesPatches('http://h/api/v3/repos/acme/api/actions/secrets')).toBe(false);
  });

  it('and a secret scanning alert read with its value (anything but hide_secret=true)', () => {
    const alert = 'http://h/api/v3/repos/acme/api/secret-scanning/alerts/7';
    expect(carriesPatches(`${alert}?hide_secret=false`)).toBe(true);
    expect(carriesPatches(alert)).toBe(true);
    expect(carriesPatches(`${alert}?hide_secret=true`)).toBe(false);
    expect(carriesPatches(`${alert}/locations?per_page=1`)).toBe(false);
  });
});

describe('sharesAcrossProcesses (no private key): an allowlist of route families that hold no text people write', () => {
  it('shares secret metadata, environments, repositories, collaborators and team memberships', () => {
    for (const path of [
      '/app',
      '/app/installations?per_page=100',
      '/installation/repositories?per_page=100&page=3',
      '/repos/acme/api/actions/secrets?per_page=100',
      '/repos/acme/api/actions/organization-secrets',
      '/repos/acme/api/dependabot/secrets',
      '/repos/acme/api/environments',
      '/repos/acme/api/environments/prod%2Feu/secrets',
      '/repositories/12/environments/production/secrets?page=2',
      '/orgs/acme/actions/secrets',
      '/orgs/acme/actions/secrets/OPENAI_API_KEY/repositories',
      '/orgs/acme/dependabot/secrets',
      '/repos/acme/api/collaborators?permission=admin',
      '/repos/acme/api/collaborators/mona/permission',
      '/orgs/acme/teams/security/memberships/mona',
    ])
      expect([path, sharesAcrossProcesses(keyOf(path))]).toEqual([path, true]);
  });

  it('keeps everything else in the process: issues, comments, pulls, check runs, contents, alerts, and routes nobody listed', () => {
    for (const path of [
      '/repos/acme/api/issues',
      '/repos/acme/api/issues/3',
      '/repos/acme/api/issues/3/comments',
      '/repos/acme/api/pulls?head=acme%3Akey-hygiene%2Fconfigure',
      '/repos/acme/api/commits/abc123/check-runs?check_name=Key%20hygiene',
      '/repos/acme/api/contents/CODEOWNERS',
      '/repos/acme/api/secret-scanning/alerts/4?hide_secret=true',
      '/repos/acme/api',
      '/repos/acme/api/actions/variables',
      '/repos/acme/secrets/issues',
    ])
      expect([path, sharesAcrossProcesses(keyOf(path))]).toEqual([path, false]);
  });
});

describe('etagKey', () => {
  it('tells the media types of one URL apart, and gives the URL back', () => {
    const url = `${API}/repos/acme/api/contents/.github%2Fkey-hygiene.yml?ref=main`;
    expect(etagKey(42, url, 'application/vnd.github.v3.raw')).not.toBe(etagKey(42, url, JSON_TYPE));
    expect(etagKey('app', url, JSON_TYPE)).not.toBe(etagKey(42, url, JSON_TYPE));
    expect(urlOfEtagKey(etagKey(42, url, JSON_TYPE))).toBe(url);
  });
});
