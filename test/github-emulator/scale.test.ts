import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationBudget, seedSweepWorld, type SweepWorld } from '../../bench/sweep-world.js';
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js';
import { GrowingIndex } from '../support/github-emulator/store-index.js';
import { createWorld, type World } from './fixture.js';

// For the sweep bench: the emulator holds 10,000 repositories and answers a request by looking up its
// repository's few records, not by scanning them all.
describe('the emulator at scale', () => {
  let gh: GitHubEmulator;
  let world: SweepWorld;
  let seconds: number;
  beforeAll(async () => {
    gh = await startGitHubEmulator({ requestLog: 'counters' });
    const started = performance.now();
    world = seedSweepWorld(gh, { repositories: 10_000 });
    seconds = (performance.now() - started) / 1000;
  }, 240_000);
  afterAll(() => gh.close());

  it('seeds the sweep bench world — 10,000 repositories, 30,000 environments, 50,000 secrets — in seconds (it took 7 minutes when every seed scanned)', () => {
    expect(gh.store.repos.size).toBe(10_000);
    expect(gh.store.secrets).toHaveLength(49_900);
    // Seconds when idle; the regression took 7 minutes. The bar sits between, well clear of a busy machine.
    expect(seconds).toBeLessThan(120);
    // 20 installations of 500 at GitHub's cap; one overdue key in each 20th service repository.
    expect(world.installations.map((i) => i.budget)).toEqual(Array(20).fill(12_500));
    expect(gh.rateLimiter.status(`installation:${world.installations[0]!.installation.id}`).limit).toBe(12_500);
    expect(world.stale).toHaveLength(499);
    expect(new Set(world.stale.map((k) => k.repository)).size).toBe(499);
    expect([installationBudget(20), installationBudget(100), installationBudget(500)]).toEqual([5_000, 9_000, 12_500]);
  });

  it('finds repositories by name in any case and by owner in creation order', () => {
    expect(gh.store.repo('ORG-07', 'SVC-03001')?.name).toBe('svc-03001');
    const own = gh.store.reposOf('org-07');
    expect(own).toHaveLength(500);
    expect(own[0]!.name).toBe('.github');
    expect(own.map((r) => r.id)).toEqual([...own.map((r) => r.id)].sort((a, b) => a - b));
  });

  it("lists one repository's environments and secrets over HTTP, in counters-only mode", async () => {
    const installation = [...gh.store.installations.values()].find((i) => i.account === 'org-07')!;
    const token = gh.seed.installationToken(installation.id);
    const get = (path: string) => fetch(`${gh.apiV3Url}${path}`, { headers: { authorization: `token ${token}` } });
    const environments = (await (await get('/repos/org-07/svc-03001/environments')).json()) as {
      environments: Array<{ name: string }>;
    };
    expect(environments.environments.map((e) => e.name)).toEqual(['development', 'production', 'staging']);
    const secrets = (await (await get('/repos/org-07/svc-03001/environments/staging/secrets')).json()) as {
      secrets: Array<{ name: string }>;
    };
    expect(secrets.secrets.map((s) => s.name)).toEqual(['OPENAI_API_KEY']);
    expect((await get('/repos/org-01/svc-00001/environments')).status).toBe(404); // org-01's: another installation
    expect(gh.log.entries).toEqual([]);
    expect(gh.log.counters()).toMatchObject({ requests: 3, counted: 3, byStatus: { 200: 2, 404: 1 } });
    gh.log.clear();
    expect(gh.log.counters().requests).toBe(0);
  });
});

describe("indexes over the store's arrays", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.gh.close());

  it('see records pushed later, and an array replaced whole', () => {
    const index = new GrowingIndex<{ k: string; v: number }>((r) => r.k);
    const items = [{ k: 'a', v: 1 }];
    expect(index.get(items, 'a')).toEqual([{ k: 'a', v: 1 }]);
    items.push({ k: 'a', v: 2 }, { k: 'b', v: 3 });
    expect(index.get(items, 'a').map((r) => r.v)).toEqual([1, 2]);
    expect(index.get([{ k: 'b', v: 4 }], 'b').map((r) => r.v)).toEqual([4]);
    expect(index.get([], 'b')).toEqual([]);
  });

  it('keep seeding a secret again a replacement, and find issues the API just created', async () => {
    world.gh.seed.secret({
      scope: 'repo',
      repo: 'acme/api',
      name: 'OPENAI_API_KEY',
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    world.gh.seed.secret({
      scope: 'repo',
      repo: 'acme/api',
      name: 'openai_api_key',
      updatedAt: new Date('2026-02-01T00:00:00Z'),
    });
    const listed = (await (await world.call('/repos/acme/api/actions/secrets')).json()) as {
      secrets: Array<{ updated_at: string }>;
    };
    expect(listed.secrets.map((s) => s.updated_at)).toEqual(['2026-02-01T00:00:00Z']);
    const created = await world.call('/repos/acme/api/issues', {
      method: 'POST',
      body: JSON.stringify({ title: 'Rotate OPENAI_API_KEY', labels: ['key-hygiene'] }),
    });
    const { number } = (await created.json()) as { number: number };
    expect((await world.call(`/repos/acme/api/issues/${number}`)).status).toBe(200);
    const issues = (await (await world.call('/repos/acme/api/issues?labels=key-hygiene')).json()) as Array<{
      number: number;
      labels: Array<{ name: string }>;
    }>;
    expect(issues.map((i) => [i.number, i.labels.map((l) => l.name)])).toEqual([[number, ['key-hygiene']]]);
  });
});

describe('added latency', () => {
  it('holds every answer for latencyMs of real time (a GitHub round trip)', async () => {
    const world = await createWorld({ latencyMs: 60 });
    try {
      const started = performance.now();
      expect((await world.call('/repos/acme/api/environments')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      await world.gh.close();
    }
  });
});
