import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisContentPacer } from '../../../app/octokit/redis-content-pacer.js';
import { startRedis, type TestRedis } from '../support/start-redis.js';

/** One clock for every "process": it moves only when a pacer sleeps. */
function fakeTime() {
  const time = { now: 1_000_000, slept: [] as number[] };
  const deps = {
    now: () => time.now,
    sleep: async (ms: number) => {
      time.slept.push(ms);
      time.now += ms;
    },
  };
  return { time, deps };
}

const mostInAnyWindow = (stamps: number[], windowMs: number) =>
  Math.max(...stamps.map((start) => stamps.filter((at) => at >= start && at < start + windowMs).length));

describe('RedisContentPacer (a real redis-server)', () => {
  let redis: TestRedis;
  const connections: Redis[] = [];
  const connect = () => {
    const connection = redis.connect();
    connections.push(connection);
    return connection;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    connections.forEach((c) => c.disconnect());
    await redis.stop();
  });

  it('keeps 80 a minute exact across two processes: 80 at once between them, then spaced', async () => {
    const { time, deps } = fakeTime();
    // Two connections, two pacers: what two app processes on one installation hold.
    const one = new RedisContentPacer(connect(), 'key-hygiene:writes:7', deps, [{ limit: 80, windowMs: 60_000 }]);
    const two = new RedisContentPacer(connect(), 'key-hygiene:writes:7', deps, [{ limit: 80, windowMs: 60_000 }]);
    const stamps: number[] = [];
    for (let i = 0; i < 200; i++) {
      await (i % 2 === 0 ? one : two).take();
      stamps.push(time.now);
    }
    expect(stamps.slice(0, 80).every((at) => at === 1_000_000)).toBe(true);
    expect(mostInAnyWindow(stamps, 60_000)).toBe(80);
    // Exactly what one process alone would have waited (test/app/octokit/content-pacer.test.ts): nothing lost, nothing doubled.
    expect(time.now - 1_000_000).toBe(120_000);
  });

  it('obeys every window at once, processes interleaved', async () => {
    const { time, deps } = fakeTime();
    const windows = [
      { limit: 3, windowMs: 1_000 },
      { limit: 5, windowMs: 10_000 },
    ];
    const pacers = [connect(), connect(), connect()].map(
      (c) => new RedisContentPacer(c, 'key-hygiene:writes:8', deps, windows),
    );
    const stamps: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pacers[i % 3]!.take();
      stamps.push(time.now - 1_000_000);
    }
    expect(stamps).toEqual([0, 0, 0, 1_000, 1_000, 10_000, 10_000]);
  });

  it('installations do not share a window', async () => {
    const { time, deps } = fakeTime();
    const connection = connect();
    for (const id of [21, 22]) {
      const pacer = new RedisContentPacer(connection, `key-hygiene:writes:${id}`, deps, [
        { limit: 2, windowMs: 60_000 },
      ]);
      await pacer.take();
      await pacer.take();
    }
    expect(time.slept).toEqual([]);
  });

  it('with Redis gone, a process goes on paced by its own writes instead of failing', async () => {
    const { time, deps } = fakeTime();
    const connection = connect();
    const pacer = new RedisContentPacer(connection, 'key-hygiene:writes:9', deps, [{ limit: 2, windowMs: 60_000 }]);
    await pacer.take();
    connection.disconnect();
    await pacer.take();
    await pacer.take();
    expect(pacer.failures).toBe(2);
    expect(time.slept).toEqual([60_000]);
  });
});
