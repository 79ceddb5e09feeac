import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from './fixture.js';

let world: World | undefined;
afterEach(async () => {
  await world?.gh.close();
  world = undefined;
});

describe('primary rate limit', () => {
  it('sends X-RateLimit-* and refuses past the budget with 403, remaining 0 and Retry-After', async () => {
    world = await createWorld({ rateLimits: { limit: 3 } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await world.call('/repos/acme/api');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 403]);
    expect(last?.headers.get('x-ratelimit-limit')).toBe('3');
    expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(last?.headers.get('x-ratelimit-resource')).toBe('core');
    const reset = Number(last?.headers.get('x-ratelimit-reset'));
    expect(reset).toBe(Math.floor(world.gh.clock.now().getTime() / 1000) + 3600);
    expect(last?.headers.get('retry-after')).toBe('3600');
    expect(((await last?.json()) as { message: string }).message).toMatch(
      /^API rate limit exceeded for installation ID \d+/,
    );
    const free = await world.call('/rate_limit');
    expect(free.status).toBe(200);
    world.gh.clock.advance(3_600_000);
    // An hour later the window has reset (and the old token expired: mint another).
    const token = world.gh.seed.installationToken(world.installation.id);
    const after = await world.call('/repos/acme/api', { token });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('can answer 429 instead, and budgets are per installation', async () => {
    world = await createWorld({ rateLimits: { limit: 1, exceededStatus: 429 } });
    expect((await world.call('/repos/acme/api')).status).toBe(200);
    expect((await world.call('/repos/acme/api')).status).toBe(429);
    world.gh.rateLimiter.setLimit(`installation:${world.installation.id}`, 10);
    expect((await world.call('/repos/acme/api')).status).toBe(200);
  });
});

describe('secondary rate limit', () => {
  it('refuses content-creation bursts with 403, a "secondary rate limit" message and Retry-After', async () => {
    world = await createWorld({ rateLimits: { contentPerMinute: 2, secondaryRetryAfterSeconds: 60 } });
    const create = () =>
      world!.call('/repos/acme/api/issues', { method: 'POST', body: JSON.stringify({ title: 't' }) });
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(201);
    const third = await create();
    expect(third.status).toBe(403);
    expect(third.headers.get('retry-after')).toBe('60');
    expect(((await third.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    // Reads are not content creation.
    expect((await world.call('/repos/acme/api/issues')).status).toBe(200);
    world.gh.clock.advance(61_000);
    expect((await create()).status).toBe(201);
    expect(world.gh.store.issues).toHaveLength(3);
  });
});
