import { Octokit } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from './fixture.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  world.gh.faults.clear();
  world.gh.log.clear();
});
afterAll(() => world.gh.close());

const ROUTE = '/repos/{owner}/{repo}/actions/secrets';

describe('fault injection', () => {
  it('fails one route with a 5xx a set number of times; Octokit retry gets through', async () => {
    world.gh.faults.inject({ route: ROUTE, kind: 'status', status: 502, times: 2 });
    expect((await world.call('/repos/acme/api')).status).toBe(200);
    const octokit = new Octokit({
      auth: world.token,
      baseUrl: world.gh.url,
      retry: { retryAfterBaseValue: 1 },
      throttle: { enabled: false },
    });
    const { status } = await octokit.request(`GET ${ROUTE}`, { owner: 'acme', repo: 'api' });
    expect(status).toBe(200);
    const statuses = world.gh.log.entries.filter((e) => e.route === `GET ${ROUTE}`).map((e) => e.status);
    expect(statuses).toEqual([502, 502, 200]);
  });

  it('skips requests before failing, and matches the method', async () => {
    world.gh.faults.inject({
      method: 'POST',
      route: '/repos/{owner}/{repo}/issues',
      kind: 'status',
      status: 500,
      skip: 1,
    });
    const create = () => world.call('/repos/acme/api/issues', { method: 'POST', body: JSON.stringify({ title: 't' }) });
    expect((await world.call('/repos/acme/api/issues')).status).toBe(200);
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(500);
    expect((await create()).status).toBe(201);
  });

  it('drops the connection', async () => {
    world.gh.faults.inject({ route: ROUTE, kind: 'drop' });
    await expect(world.call('/repos/acme/api/actions/secrets')).rejects.toThrow();
    expect((await world.call('/repos/acme/api/actions/secrets')).status).toBe(200);
    expect(world.gh.log.entries[0]?.fault).toBe('drop');
  });

  it('answers slowly, so client timeouts fire', async () => {
    world.gh.faults.inject({ route: ROUTE, kind: 'delay', ms: 300 });
    await expect(world.call('/repos/acme/api/actions/secrets', { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    world.gh.faults.inject({ route: ROUTE, kind: 'delay', ms: 60 });
    const started = performance.now();
    expect((await world.call('/repos/acme/api/actions/secrets')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});
