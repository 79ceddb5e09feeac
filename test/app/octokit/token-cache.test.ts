import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEtagSealer } from '../../../app/octokit/etag-sealer.js';
import { MemoryTokenCache, RedisTokenCache, TOKEN_REFRESH_MS } from '../../../app/octokit/token-cache.js';
import { startGitHubEmulator } from '../../support/github-emulator/index.js';
import { startRedis, type TestRedis } from '../support/start-redis.js';

// The installation tokens the app's processes share (GitHub's ETags are per token): each used until
// five minutes before it expires by the app's clock, in Redis only sealed, and minted by one process
// at a time. A real redis-server; the App's key pair from the emulator's seeding.

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-01T12:00:00Z');
/** auth-app's value: token|createdAt|expiresAt|repositorySelection|permissions|singleFile. */
const valueOf = (token: string, expiresAt: number) =>
  `${token}|${new Date(T0).toISOString()}|${new Date(expiresAt).toISOString()}|all|secrets,issues!|`;

let redis: TestRedis;
let privateKey: string;
beforeAll(async () => {
  redis = await startRedis();
  const gh = await startGitHubEmulator();
  privateKey = gh.seed.app({ slug: 'key-hygiene' }).privateKey;
  await gh.close();
});
afterEach(async () => {
  const admin = redis.connect();
  await admin.flushall();
  admin.disconnect();
});
afterAll(async () => {
  await redis.stop();
});

describe('installation tokens in memory', () => {
  it('are used until five minutes before they expire by the given clock, then missed (auth-app mints another)', async () => {
    let now = T0;
    const cache = new MemoryTokenCache(() => now);
    await cache.set('42', valueOf('one', T0 + HOUR));
    expect(await cache.get('42')).toContain('one|');
    now = T0 + HOUR - TOKEN_REFRESH_MS - 1;
    expect(await cache.get('42')).toContain('one|');
    now += 1;
    expect(await cache.get('42')).toBeUndefined();
    // One already near its end when it arrives is not kept at all.
    await cache.set('42', valueOf('late', now + TOKEN_REFRESH_MS));
    expect(await cache.peek('42')).toBeUndefined();
  });
});

describe('installation tokens shared through Redis', () => {
  const connections: Array<{ disconnect(): void }> = [];
  afterEach(() => connections.splice(0).forEach((c) => c.disconnect()));
  const process = (now: () => number, key = privateKey) => {
    const connection = redis.connect();
    connections.push(connection);
    return new RedisTokenCache(connection, createEtagSealer(key), now, { mintWaitMs: 2_000 });
  };

  it('gives every process the token one of them minted, sealed: Redis never holds it in clear, and its key expires with it', async () => {
    const [a, b] = [process(() => T0), process(() => T0)];
    expect(await a.get('42')).toBeUndefined(); // a mints
    await a.set('42', valueOf('ghs_shared', T0 + HOUR));
    expect(await b.get('42')).toContain('ghs_shared|');
    const admin = redis.connect();
    connections.push(admin);
    const keys = await admin.keys('*');
    expect(keys).toEqual(['key-hygiene:token:42']);
    expect((await admin.getBuffer(keys[0]!))!.toString('latin1')).not.toContain('ghs_shared');
    const ttl = await admin.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(HOUR - TOKEN_REFRESH_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(HOUR - TOKEN_REFRESH_MS);
  });

  it('lets one process mint at a time: the other waits for its token instead of minting a second', async () => {
    const [a, b] = [process(() => T0), process(() => T0)];
    expect(await a.get('42')).toBeUndefined(); // a holds the lock, minting
    const waiting = b.get('42');
    // b finds the lock taken and waits (checking every 100 ms); a's token arrives meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 250));
    await a.set('42', valueOf('ghs_first', T0 + HOUR));
    expect(await waiting).toContain('ghs_first|');
  });

  it('peeks without taking the lock: a read that mints nothing never holds up the process that would', async () => {
    const [a, b] = [process(() => T0), process(() => T0)];
    expect(await a.peek('42')).toBeUndefined();
    expect(await b.get('42')).toBeUndefined(); // b may mint at once
  });

  it('misses a token sealed with another private key (another App, a rotated PEM), and one GitHub refused', async () => {
    const other = (await import('node:crypto'))
      .generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const a = process(() => T0);
    await a.set('42', valueOf('ghs_old', T0 + HOUR));
    const rotated = process(() => T0, other);
    expect(await rotated.get('42')).toBeUndefined();
    expect(rotated.unreadable).toBeGreaterThan(0);
    await a.forget('42');
    expect(await process(() => T0).peek('42')).toBeUndefined();
  });
});
