import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../../app/settings.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { freePort } from '../../support/probot-process.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { buildAppIfStale, startWorker } from '../../support/app-process.js';

// A worker's own /metrics (KEY_HYGIENE_METRICS_PORT) says every installation's request headroom and
// the queue's state: it listens on loopback unless KEY_HYGIENE_METRICS_HOST names another interface.

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This machine's own address on a non-loopback interface (the test's connection stays on the host). */
const outward = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address;

let redis: RedisServer;
let gh: GitHubEmulator;
beforeAll(async () => {
  buildAppIfStale();
  redis = await startRedisServer();
  gh = await startGitHubEmulator();
}, 90_000);
afterAll(async () => {
  await gh?.close();
  await redis?.stop();
});

describe("a worker's metrics server binds to KEY_HYGIENE_METRICS_HOST", () => {
  it('reads the host; loopback when absent', () => {
    expect(readSettings({}).metricsHost).toBe('127.0.0.1');
    expect(readSettings({ KEY_HYGIENE_METRICS_HOST: '10.0.0.5' }).metricsHost).toBe('10.0.0.5');
    expect(() => readSettings({ KEY_HYGIENE_METRICS_HOST: 'a b' })).toThrow(
      'KEY_HYGIENE_METRICS_HOST is "a b": expected a host name or an IP address such as 127.0.0.1',
    );
  });

  it("the real worker answers /metrics on 127.0.0.1 and refuses connections on the machine's other address", async () => {
    expect(outward, 'this test needs a non-loopback IPv4 interface').toBeDefined();
    const app = gh.seed.app({
      slug: 'key-hygiene',
      permissions: { secrets: 'read', metadata: 'read', issues: 'write' },
    });
    const port = await freePort();
    const worker = await startWorker({
      APP_ID: String(app.id),
      PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
      REDIS_URL: redis.url,
      KEY_HYGIENE_METRICS_PORT: String(port),
    });
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(await accepts(outward!, port)).toBe(false);
    } finally {
      await worker.stop();
    }
  });
});
