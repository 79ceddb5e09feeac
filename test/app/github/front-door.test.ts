import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type {
  AppRecord,
  GitHubEmulator,
  InstallationRecord,
  IssueRecord,
} from '../../support/github-emulator/index.js';
import { createSweptAppWorld } from '../support/app-world.js';
import {
  buildAppIfStale,
  peakRss,
  spawnProbotRun,
  startProbotRun,
  type AppProcess,
} from '../../support/app-process.js';

// The App's front door, against the real `probot run` process: what it reads of a body before the
// signature is checked, and whether it starts at all without a webhook secret of its own.

const MB = 1024 * 1024;
const BOT = 'key-hygiene[bot]';

let gh: GitHubEmulator;
let app: AppRecord;
let installation: InstallationRecord;

beforeAll(async () => {
  buildAppIfStale();
  // The issues to talk to, opened by one in-process sweep.
  ({ gh, app, installation } = await createSweptAppWorld());
}, 90_000);
afterAll(async () => {
  await gh?.close();
});

/** The env of the server against the emulator; `secret` overrides WEBHOOK_SECRET (null: unset). */
const serverEnv = (secret: string | null = app.webhookSecret): NodeJS.ProcessEnv => ({
  APP_ID: String(app.id),
  PRIVATE_KEY: app.privateKey,
  GHE_HOST: gh.host,
  GHE_PROTOCOL: 'http',
  ...(secret !== null && { WEBHOOK_SECRET: secret }),
});

/**
 * POSTs `total` bytes of junk in 1 MiB pieces over a raw connection, as fast as the server takes
 * them, and resolves with the status of the answer as soon as one comes — the rest is never sent.
 * `chunked`: no content-length. A reset after the answer is what a refusal that closes looks like.
 */
function streamJunk(url: string, total: number, headers: Record<string, string>, chunked = false): Promise<number> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    const settle = (error?: Error) => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      if (status) resolve(Number(status));
      else reject(error ?? new Error(`no answer: ${received.slice(0, 200)}`));
      socket.destroy();
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) settle();
    });
    socket.on('error', settle);
    socket.on('close', () => settle());
    const head = Object.entries({
      host: `${hostname}:${port}`,
      'content-type': 'application/json',
      ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
      ...headers,
    });
    socket.write(`POST ${pathname} HTTP/1.1\r\n${head.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
    const piece = Buffer.alloc(MB, 'x');
    const framed = chunked
      ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
      : piece;
    let sent = 0;
    const pump = () => {
      while (!received && !socket.destroyed && sent < total) {
        sent += piece.length;
        if (!socket.write(framed)) return void socket.once('drain', pump);
      }
      if (!received && !socket.destroyed && chunked) socket.write('0\r\n\r\n');
    };
    pump();
  });
}

const stripe = (): IssueRecord => {
  const api = gh.store.repo('acme/api'.split('/')[0]!, 'api')!;
  return gh.store.issues.find(
    (i) => i.repoId === api.id && parseKeyMarker(i.body)?.key.endsWith('|stripe_api_key|rotate'),
  )!;
};

describe('a webhook body is bounded before the signature is checked', () => {
  let server: AppProcess & { url: string; base: string };
  beforeAll(async () => {
    server = await startProbotRun(serverEnv());
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("60 MB of junk — unsigned, with a made-up signature, chunked — is refused (400/413) and the server's peak memory stays put; a signed delivery works after", async () => {
    const pid = server.child.pid!;
    const before = peakRss(pid);
    const delivery = { 'x-github-event': 'issue_comment', 'x-github-delivery': 'junk-1' };
    const fake = { ...delivery, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };

    const statuses = [
      await streamJunk(server.url, 60 * MB, delivery),
      await streamJunk(server.url, 60 * MB, fake),
      await streamJunk(server.url, 60 * MB, fake, true),
      await streamJunk(server.url, 60 * MB, delivery, true),
      // Within the cap and wrongly signed: read, checked, refused.
      await streamJunk(server.url, 2 * MB, fake),
    ];
    const grew = peakRss(pid) - before;
    expect(grew, `peak RSS grew by ${Math.round(grew / MB)} MB`).toBeLessThan(200 * MB);
    expect(statuses).toEqual([400, 413, 413, 400, 400]);

    const seeded = gh.seed.comment({ repo: 'acme/api', issue: stripe().number, body: '/status', user: 'rita' });
    const payload = {
      installation: { id: installation.id },
      repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
      issue: { number: stripe().number, body: stripe().body, user: { login: BOT, type: 'Bot' }, labels: [] },
      comment: {
        id: seeded.id,
        body: '/status',
        user: { login: 'rita', type: 'User' },
        performed_via_github_app: null,
      },
      sender: { login: 'rita', type: 'User' },
    };
    const signed = await gh.deliver({ url: server.url, event: 'issue_comment', action: 'created', payload });
    expect(signed.status, server.output.join('')).toBe(200);
    const comments = gh.store.comments.filter((c) => c.repoId === stripe().repoId && c.issueNumber === stripe().number);
    expect(comments.at(-1)?.user).toBe(BOT);
  }, 120_000);

  it('eight made-up deliveries of 24 MB at once: each refused (bad signature, or 503 past the bytes all requests may hold), memory bounded', async () => {
    const pid = server.child.pid!;
    const before = peakRss(pid);
    const fake = {
      'x-github-event': 'issue_comment',
      'x-github-delivery': 'junk-2',
      'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
    };
    const statuses = await Promise.all(Array.from({ length: 8 }, () => streamJunk(server.url, 24 * MB, fake, true)));
    const grew = peakRss(pid) - before;
    expect(grew, `peak RSS grew by ${Math.round(grew / MB)} MB`).toBeLessThan(300 * MB);
    expect(
      statuses.every((status) => status === 400 || status === 503),
      String(statuses),
    ).toBe(true);
    expect((await fetch(`${server.base}/ping`)).status).toBe(200);
  }, 120_000);
});

describe('the server refuses to start without a webhook secret of its own', () => {
  it.each([
    ['unset', null, 'WEBHOOK_SECRET is not set'],
    ['empty', '', 'WEBHOOK_SECRET is not set'],
    ["Probot's public default", 'development', 'WEBHOOK_SECRET is "development", Probot\'s public default'],
  ])(
    'WEBHOOK_SECRET %s: exit 1 and one line saying why',
    async (_, secret, why) => {
      const running = spawnProbotRun({
        ...serverEnv(secret),
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        KEY_HYGIENE_SWEEP_EVERY: 'off',
      });
      const code = await Promise.race([
        running.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000)),
      ]);
      await running.stop();
      expect(code, running.output.join('')).toBe(1);
      const lines = running.output.join('').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^key-hygiene-app: ${why.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')}`));
      expect(lines[0]).not.toContain(app.webhookSecret);
    },
    30_000,
  );
});
