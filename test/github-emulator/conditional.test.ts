import { RequestError } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from './fixture.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
  world.gh.seed.secret({
    scope: 'repo',
    repo: 'acme/api',
    name: 'OPENAI_API_KEY',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
});
afterAll(() => world.gh.close());

const ROUTE = 'GET /repos/{owner}/{repo}/actions/secrets';

describe('conditional requests', () => {
  it('answers 304 to a matching If-None-Match, free of rate limit, counted apart', async () => {
    world.gh.log.clear();
    const first = await world.call('/repos/acme/api/actions/secrets');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const second = await world.call('/repos/acme/api/actions/secrets', { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    const tally = world.gh.log.counters().byRoute[ROUTE];
    expect(tally).toEqual({ requests: 2, counted: 1, notModified: 1 });
    expect(world.gh.log.counters().byInstallation[String(world.installation.id)]?.notModified).toBe(1);
  });

  it('answers 200 with a new ETag once the secret is rotated', async () => {
    const first = await world.call('/repos/acme/api/actions/secrets');
    const etag = first.headers.get('etag') ?? '';
    world.gh.clock.advance(60_000);
    world.gh.seed.secret({
      scope: 'repo',
      repo: 'acme/api',
      name: 'OPENAI_API_KEY',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: world.gh.clock.now(),
    });
    const after = await world.call('/repos/acme/api/actions/secrets', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('answers 200 to an ETag another token of the same installation obtained (tokens rotate hourly): ETags are per authorization', async () => {
    world.gh.log.clear();
    const first = await world.call('/repos/acme/api/actions/secrets');
    const etag = first.headers.get('etag') ?? '';
    const fresh = world.gh.seed.installationToken(world.installation.id);
    const again = await world.call('/repos/acme/api/actions/secrets', {
      token: fresh,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).not.toBe(etag);
    // The token that obtained it still gets its 304; both 200s counted against the installation's one budget.
    const same = await world.call('/repos/acme/api/actions/secrets', { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(world.gh.log.counters().byInstallation[String(world.installation.id)]).toEqual({
      requests: 3,
      counted: 2,
      notModified: 1,
    });
  });

  it('makes Octokit throw a RequestError with status 304, as GitHub does', async () => {
    const octokit = world.octokit();
    const { headers } = await octokit.request(ROUTE, { owner: 'acme', repo: 'api' });
    const error = await octokit
      .request(ROUTE, { owner: 'acme', repo: 'api', headers: { 'if-none-match': headers.etag } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(304);
  });
});
