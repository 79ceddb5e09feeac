import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from './fixture.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
  for (let i = 0; i < 250; i += 1)
    world.gh.seed.secret({ scope: 'repo', repo: 'acme/api', name: `KEY_${String(i).padStart(3, '0')}` });
  for (let i = 0; i < 45; i += 1)
    world.gh.seed.variable({
      scope: 'repo',
      repo: 'acme/api',
      name: `VAR_${String(i).padStart(2, '0')}`,
      value: String(i),
    });
});
afterAll(() => world.gh.close());

describe('Link pagination', () => {
  it('lets Octokit paginate 250 secrets in three pages of 100', async () => {
    world.gh.log.clear();
    const octokit = world.octokit();
    const secrets = await octokit.paginate('GET /repos/{owner}/{repo}/actions/secrets', {
      owner: 'acme',
      repo: 'api',
      per_page: 100,
    });
    expect(secrets).toHaveLength(250);
    expect(new Set(secrets.map((s) => s.name)).size).toBe(250);
    expect(world.gh.log.counters().byRoute['GET /repos/{owner}/{repo}/actions/secrets']?.requests).toBe(3);
  });

  it('refuses per_page over 100 (GitHub caps it silently, hiding the mistake) and defaults to 30, with prev/next/last/first links', async () => {
    const tooMany = await world.call('/repos/acme/api/actions/secrets?per_page=500');
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { message: string }).message).toContain("'per_page'");
    const middle = await world.call('/api/v3/repos/acme/api/actions/secrets?page=2');
    const body = (await middle.json()) as { total_count: number; secrets: unknown[] };
    expect(body.secrets).toHaveLength(30);
    expect(body.total_count).toBe(250);
    const link = middle.headers.get('link') ?? '';
    const base = `${world.gh.url}/api/v3/repos/acme/api/actions/secrets`;
    expect(link).toBe(
      `<${base}?page=1>; rel="prev", <${base}?page=3>; rel="next", <${base}?page=9>; rel="last", <${base}?page=1>; rel="first"`,
    );
  });

  it('serves variables at most 30 per page, and refuses a request for more', async () => {
    const octokit = world.octokit();
    world.gh.log.clear();
    const variables = await octokit.paginate('GET /repos/{owner}/{repo}/actions/variables', {
      owner: 'acme',
      repo: 'api',
      per_page: 30,
    });
    expect(variables).toHaveLength(45);
    expect(world.gh.log.entries.map((e) => e.status)).toEqual([200, 200]);
    expect((await world.call('/repos/acme/api/actions/variables?per_page=100')).status).toBe(422);
  });

  it('sends no Link header on a single page', async () => {
    const response = await world.call('/repos/acme/api/actions/variables?per_page=30&page=2');
    expect(response.headers.get('link')).toContain('rel="prev"');
    const single = await world.call('/repos/acme/api/environments');
    expect(single.headers.get('link')).toBeNull();
  });
});
