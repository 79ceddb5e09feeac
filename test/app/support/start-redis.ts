import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../../support/probot-process.js';

// A real redis-server for the cache and pacer tests (loopback only). Written here because the
// shared starter (test/support/redis-server.ts) was not there yet; switch to it once it is.

export interface TestRedis {
  url: string;
  port: number;
  /** A new connection (the caller quits it). */
  connect(): Redis;
  /** Stops the server (SIGTERM to the one process started here). */
  stop(): Promise<void>;
}

/** Starts `/usr/bin/redis-server` on a free loopback port, no persistence, and waits until it answers. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch (error) {
      probe.disconnect();
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`redis-server did not start on ${port}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    port,
    connect: () => new Redis(url),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
