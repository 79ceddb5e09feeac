import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriesPatches, type CachedAnswer } from '../../app/github/etag-cache.js';
import { ETAG_TTL_MS, RedisEtagCache } from '../../app/github/redis-etag-cache.js';
import { startRedis, type TestRedis } from './start-redis.js';

const answer = (data: unknown): CachedAnswer => ({ etag: 'W/"abc"', response: { status: 200, url: 'http://127.0.0.1/api/v3/x', headers: { etag: 'W/"abc"' }, data } });

describe('RedisEtagCache (a real redis-server)', () => {
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

  it('stores gzipped JSON per installation and URL with a 7-day TTL; another process reads it back', async () => {
    const key = '42:http://127.0.0.1/api/v3/repos/acme/api/actions/secrets?per_page=100';
    await new RedisEtagCache(redis).set(key, answer({ total_count: 1, secrets: [{ name: 'OPENAI_API_KEY' }] }));
    const other = server.connect();
    try {
      expect(await new RedisEtagCache(other).get(key)).toEqual(answer({ total_count: 1, secrets: [{ name: 'OPENAI_API_KEY' }] }));
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
    const key = '42:http://127.0.0.1/api/v3/repos/acme/big/issues';
    await cache.set(key, answer({ small: true }));
    expect(await cache.get(key)).toBeDefined();
    await cache.set(key, answer({ noise: randomBytes(4096).toString('base64') }));
    expect(await cache.get(key)).toBeUndefined();
    expect(await redis.exists(`key-hygiene:etag:${key}`)).toBe(0);
  });

  it('keeps file contents in the process, never in Redis (a key can sit in any file)', async () => {
    const cache = new RedisEtagCache(redis);
    const key = '42:http://127.0.0.1/api/v3/repos/acme/api/contents/.github%2Fkey-hygiene.yml';
    await cache.set(key, answer({ content: Buffer.from('rotate-every: 90d\n').toString('base64') }));
    expect(await cache.get(key)).toBeDefined();
    expect(await redis.keys('*contents*')).toEqual([]);
    expect(await new RedisEtagCache(redis).get(key)).toBeUndefined();
  });

  it('with Redis gone every read is a miss and every write is dropped: the sweep goes on', async () => {
    const gone = server.connect();
    gone.disconnect();
    const cache = new RedisEtagCache(gone);
    await cache.set('42:http://127.0.0.1/api/v3/app/installations', answer([]));
    expect(await cache.get('42:http://127.0.0.1/api/v3/app/installations')).toBeUndefined();
    expect(cache.failures).toBe(2);
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
});
