import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Probot, Server } from 'probot';
import { createClientCare, type ClientCare } from '../../../app/octokit/prepare-client.js';
import { createApp } from '../../../app/index.js';
import { recordSweep } from '../../../app/metrics/record-sweep.js';
import { startMetricsServer } from '../../../app/metrics/start-metrics-server.js';
import { defaultSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { freePort } from '../../support/probot-process.js';
import { startRedis } from '../support/start-redis.js';
import { createAppWorld, TestOctokit } from '../support/app-world.js';

// Health and metrics: Probot's own Server (in this process, on 127.0.0.1) serves
// /healthz and /metrics next to the webhooks; after a sweep against the emulator the counters say
// what the emulator saw. A worker's own metrics server, with Redis up and down.

/** `name{labels} value` lines of the exposition, by `name{labels}`. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+(?:\{.*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

const sum = (all: Map<string, number>, name: string, filter: (labels: string) => boolean = () => true) =>
  [...all].filter(([key]) => key.startsWith(`${name}{`) && filter(key)).reduce((n, [, value]) => n + value, 0);

describe("Probot's server with the app loaded", () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let care: ClientCare;
  let server: Server;
  let probot: Probot;
  let base: string;
  const settings = { ...defaultSettings, sweepEveryMs: 0 };

  beforeAll(async () => {
    ({ gh, app, installation } = await createAppWorld());
    care = createClientCare({ now: () => gh.clock.now().getTime(), sleep: async (ms) => gh.clock.advance(ms) });
    const quiet = await new Probot({
      appId: app.id,
      privateKey: app.privateKey,
      logLevel: (process.env.TEST_LOG_LEVEL as 'warn' | undefined) ?? 'fatal',
    }).ready();
    const port = await freePort();
    const Configured = Probot.defaults({
      appId: app.id,
      privateKey: app.privateKey,
      secret: app.webhookSecret,
      baseUrl: gh.apiV3Url,
      Octokit: TestOctokit,
    }) as typeof Probot;
    server = new Server({ Probot: Configured, port, host: '127.0.0.1', log: quiet.log });
    await server.load((loaded, options) => {
      probot = loaded;
      createApp({ settings, now: () => gh.clock.now(), sleep: async (ms) => gh.clock.advance(ms), clients: care })(
        loaded,
        options,
      );
    });
    await server.start();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server.stop();
    await gh.close();
  });

  it('answers /healthz: ok, with no Redis configured', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', uptime: expect.any(Number), redis: 'absent' });
  });

  it('after a sweep, /metrics counts what the emulator saw: requests by route and result, issues opened, headroom, repositories', async () => {
    const result = await sweepAll(probot, settings, () => gh.clock.now());
    expect(result.failed).toEqual([]);
    recordSweep(care.metrics, result.results[0]!);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const all = samples(text);

    // Every exchange through the app's clients, the installation token's minting (by the app's JWT client) included.
    const seen = gh.log.entries;
    expect(
      all.get(
        'key_hygiene_github_requests_total{family="/app/installations/{installation_id}/access_tokens",method="POST",result="2xx"}',
      ),
    ).toBe(1);
    expect(sum(all, 'key_hygiene_github_requests_total')).toBe(seen.length);
    expect(
      all.get(
        'key_hygiene_github_requests_total{family="/repos/{owner}/{repo}/environments/{environment_name}/secrets",method="GET",result="2xx"}',
      ),
    ).toBe(
      seen.filter(
        (e) => e.route === 'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets' && e.status === 200,
      ).length,
    );
    expect(sum(all, 'key_hygiene_github_requests_total', (l) => l.includes('result="4xx"'))).toBe(
      seen.filter((e) => e.status >= 400).length,
    );
    expect(sum(all, 'key_hygiene_github_requests_total', (l) => l.includes('method="POST"'))).toBe(
      seen.filter((e) => e.method === 'POST').length,
    );

    const opened = gh.store.issues.length;
    expect(opened).toBeGreaterThan(0);
    expect(all.get('key_hygiene_issue_writes_total{action="opened"}')).toBe(opened);

    const rate = gh.rateLimiter.status(`installation:${installation.id}`);
    expect(all.get(`key_hygiene_rate_limit_remaining{installation="${installation.id}"}`)).toBe(rate.remaining);
    expect(all.get(`key_hygiene_rate_limit_headroom_ratio{installation="${installation.id}"}`)).toBeCloseTo(
      rate.remaining / rate.limit,
      6,
    );

    const swept = result.results[0]!;
    expect(all.get('key_hygiene_sweep_repositories_total{outcome="swept"}')).toBe(swept.swept.length);
    expect(all.get('key_hygiene_sweep_repositories_total{outcome="skipped"}')).toBe(swept.skipped.length);

    // Labels carry templates and ids: no owner, repository, secret name or token.
    expect(text).not.toMatch(/acme|OPENAI|STRIPE|ghs_|Bearer/);
  });

  it("counts the next sweep's 304s as 304s", async () => {
    await sweepAll(probot, settings, () => gh.clock.now());
    const all = samples(await (await fetch(`${base}/metrics`)).text());
    expect(sum(all, 'key_hygiene_github_requests_total', (l) => l.includes('result="304"'))).toBe(
      gh.log.entries.filter((e) => e.status === 304).length,
    );
  });

  it('leaves the other paths to Probot: its /ping, its 404', async () => {
    expect(await (await fetch(`${base}/ping`)).text()).toBe('PONG');
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });
});

describe("a worker's own metrics server (KEY_HYGIENE_METRICS_PORT)", () => {
  it('answers /healthz with Redis ok, then 503 when Redis goes down; /metrics; 404 elsewhere', async () => {
    const redis = await startRedis();
    const care = createClientCare({ now: () => Date.now(), sleep: async () => undefined }, { redisUrl: redis.url });
    const metrics = await startMetricsServer(0, care, '127.0.0.1');
    const base = `http://127.0.0.1:${metrics.port}`;
    try {
      expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', redis: 'ok' });
      let backlog = { waiting: 3, active: 1 };
      care.metrics.watchSweepJobs(async () => backlog);
      care.metrics.budgetWaited('share', 1_500);
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toContain('key_hygiene_sweep_jobs{state="waiting"} 3');
      backlog = { waiting: 1, active: 2 };
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('key_hygiene_sweep_jobs{state="active"} 2');
      expect(text).toContain('key_hygiene_budget_wait_seconds_total{reason="share"} 1.5');
      expect((await fetch(`${base}/other`)).status).toBe(404);

      await redis.stop();
      const down = await fetch(`${base}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'degraded', redis: 'down' });
    } finally {
      await metrics.close();
      await care.close();
      await redis.stop();
    }
  });
});
