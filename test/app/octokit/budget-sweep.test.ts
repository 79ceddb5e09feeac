import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientCare, prepareClient, type ClientCare } from '../../../app/octokit/prepare-client.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { startGitHubEmulator } from '../../support/github-emulator/index.js';
import { DAY, POLICY, TestOctokit } from '../support/app-world.js';
import { PERMISSIONS, startAppWith } from '../support/robust-world.js';
import { Probot } from 'probot';

// The request budget: a sweep spends at most KEY_HYGIENE_BUDGET_SHARE of the installation's
// hourly limit (read from X-RateLimit-*) and leaves the rest of the window to webhooks; a 403/429
// is answered with the wait GitHub asks for. The emulator's clock: the app "sleeps" by moving it.

const HOUR = 3_600_000;
const REPOS = ['api', 'web', 'billing', 'search', 'mobile'];
/** Every list the sweep reads, so no 403 for a missing permission muddles the count. */
const ALL = { ...PERMISSIONS, organization_secrets: 'read', dependabot_secrets: 'read' } as const;

/** acme with five repositories, each with a key past rotation; installation tokens that outlive the test's hours. */
async function createWorld(): Promise<{ gh: GitHubEmulator; app: AppRecord; installation: InstallationRecord }> {
  // Probot caches the installation token by the host clock, which does not move: the emulator's must not expire it.
  const gh = await startGitHubEmulator({ limits: { tokenLifetimeMs: 48 * HOUR } });
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...ALL } });
  gh.seed.repo({ fullName: 'acme/.github', files: { '.github/key-hygiene.yml': POLICY } });
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...ALL } });
  const old = new Date(gh.clock.now().getTime() - 100 * DAY);
  for (const name of REPOS) {
    gh.seed.repo({ fullName: `acme/${name}`, files: { '.github/key-hygiene.yml': '_extends: .github\n' } });
    gh.seed.secret({ scope: 'repo', repo: `acme/${name}`, name: 'STRIPE_API_KEY', updatedAt: old });
  }
  return { gh, app, installation };
}

/** The care the app runs with: the emulator's clock, sleeps that move it. */
const careFor = (gh: GitHubEmulator, budgetShare = 0.5): ClientCare =>
  createClientCare({ now: () => gh.clock.now().getTime(), sleep: async (ms) => gh.clock.advance(ms) }, { budgetShare });

/** Counted requests of one caller per rate-limit window, windows opened as the emulator opens them. */
function countedPerWindow(gh: GitHubEmulator, installationId: number): number[] {
  const windows: { start: number; counted: number }[] = [];
  for (const entry of gh.log.entries.filter((e) => e.installationId === installationId)) {
    const at = Date.parse(entry.at);
    if (windows.length === 0 || at >= windows.at(-1)!.start + HOUR) windows.push({ start: at, counted: 0 });
    if (entry.counted) windows.at(-1)!.counted += 1;
  }
  return windows.map((w) => w.counted);
}

describe('a sweep with a small hourly limit (60, share 0.5)', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let care: ClientCare;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  beforeAll(async () => {
    ({ gh, app, installation } = await createWorld());
    gh.rateLimiter.setLimit(`installation:${installation.id}`, 60);
    care = careFor(gh);
    running = await startAppWith(gh, app, { clients: care });
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('spends at most 30 counted requests per window, pauses until the reset, and finishes without a 403', async () => {
    const started = gh.clock.now().getTime();
    const result = await running.sweep();
    expect(result.failed).toEqual([]);
    expect(result.results[0]!.swept).toHaveLength(REPOS.length + 1);
    expect(gh.log.entries.filter((e) => e.status === 403 || e.status === 429)).toEqual([]);
    const perWindow = countedPerWindow(gh, installation.id);
    console.info(
      `budget: counted requests per rate-limit window ${JSON.stringify(perWindow)}; the sweep took ${((gh.clock.now().getTime() - started) / HOUR).toFixed(2)} h of the emulator's clock`,
    );
    expect(perWindow.length).toBeGreaterThan(1);
    expect(Math.max(...perWindow)).toBeLessThanOrEqual(30);
    expect(perWindow.reduce((a, b) => a + b, 0)).toBeGreaterThan(30);
    // Paused until the window's reset, not a fixed time: the next window opened at most a few seconds after it.
    expect(gh.clock.now().getTime() - started).toBeGreaterThanOrEqual(HOUR);
    const metrics = await care.metrics.text();
    expect(metrics).toMatch(/key_hygiene_budget_waits_total\{reason="share"\} [1-9]/);
    expect(metrics).toMatch(new RegExp(`key_hygiene_rate_limit_limit\\{installation="${installation.id}"\\} 60`));
  });

  it('304s do not count, so they never use up the share: 100 re-reads of an unchanged list go through at once', async () => {
    const sweep = await running.probot.auth(installation.id);
    const before = gh.clock.now().getTime();
    gh.log.clear();
    for (let i = 0; i < 100; i++)
      await sweep.request('GET /repos/{owner}/{repo}/actions/secrets', { owner: 'acme', repo: 'api', per_page: 100 });
    const { requests, counted, notModified } = gh.log.counters();
    expect({ requests, counted, notModified }).toEqual({ requests: 100, counted: 0, notModified: 100 });
    expect(gh.clock.now().getTime()).toBe(before);
  });
});

describe('a 403 or 429 that asks to wait', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let care: ClientCare;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  let webhookProbot: Probot;
  const at = { owner: 'acme', repo: 'api' };
  const SECRETS = '/repos/{owner}/{repo}/actions/secrets';
  beforeAll(async () => {
    ({ gh, app, installation } = await createWorld());
    care = careFor(gh, 1);
    running = await startAppWith(gh, app, { clients: care });
    webhookProbot = new Probot({
      appId: app.id,
      privateKey: app.privateKey,
      baseUrl: gh.apiV3Url,
      Octokit: TestOctokit,
      logLevel: 'fatal',
    });
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });
  const elapsed = async (run: () => Promise<unknown>) => {
    const start = gh.clock.now().getTime();
    await run();
    return gh.clock.now().getTime() - start;
  };

  it('a sweep client waits the Retry-After of a secondary limit (403), then sends again', async () => {
    const sweep = await running.probot.auth(installation.id);
    gh.faults.inject({
      method: 'GET',
      route: SECRETS,
      kind: 'status',
      status: 403,
      headers: { 'retry-after': '120' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    gh.log.clear();
    expect(await elapsed(() => sweep.request(`GET ${SECRETS}`, at))).toBe(120_000);
    expect(gh.log.entries.filter((e) => e.route === `GET ${SECRETS}`).map((e) => e.status)).toEqual([403, 200]);
  });

  it('and the Retry-After of a 429', async () => {
    const sweep = await running.probot.auth(installation.id);
    gh.faults.inject({
      method: 'GET',
      route: SECRETS,
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '30' },
      body: { message: 'Too many requests' },
    });
    expect(await elapsed(() => sweep.request(`GET ${SECRETS}`, at))).toBe(30_000);
  });

  it('a spent primary limit (Remaining 0, spent by someone else) is waited out until its reset', async () => {
    const sweep = await running.probot.auth(installation.id);
    const key = `installation:${installation.id}`;
    while (gh.rateLimiter.status(key).remaining > 0) gh.rateLimiter.consume(key);
    const reset = gh.rateLimiter.status(key).reset * 1000;
    gh.log.clear();
    await sweep.request(`GET ${SECRETS}`, at);
    const [limited, retried] = gh.log.entries.map((e) => e.status);
    expect(limited).toBe(403);
    expect(retried).toBeLessThan(400);
    expect(gh.clock.now().getTime()).toBeGreaterThanOrEqual(reset);
    expect(gh.clock.now().getTime()).toBeLessThan(reset + 5_000);
  });

  it("a webhook handler's client does not wait (it stays responsive), but the sweeps of its installation then do", async () => {
    const webhook = prepareClient(await webhookProbot.auth(installation.id), installation.id, care);
    const sweep = await running.probot.auth(installation.id);
    gh.faults.inject({
      method: 'GET',
      route: SECRETS,
      kind: 'status',
      status: 403,
      headers: { 'retry-after': '90' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    expect(
      await elapsed(() => expect(webhook.request(`GET ${SECRETS}`, at)).rejects.toMatchObject({ status: 403 })),
    ).toBe(0);
    expect(await elapsed(() => sweep.request(`GET ${SECRETS}`, at))).toBe(90_000);
  });

  it('a 403 that is no rate limit is not retried', async () => {
    const sweep = await running.probot.auth(installation.id);
    gh.faults.inject({
      method: 'GET',
      route: SECRETS,
      kind: 'status',
      status: 403,
      headers: { 'x-accepted-github-permissions': 'secrets=read' },
      body: { message: 'Resource not accessible by integration' },
    });
    gh.log.clear();
    await expect(sweep.request(`GET ${SECRETS}`, at)).rejects.toMatchObject({ status: 403 });
    expect(gh.log.entries).toHaveLength(1);
  });
});
