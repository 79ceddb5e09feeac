import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, FULL_PERMISSIONS, type World } from './fixture.js';

// Pull requests between branches of one repository (for onboarding), with GitHub's filters,
// its one-open-pull-request-per-branch rule and its permissions.
let world: World;
const HEAD = 'key-hygiene/configure';

beforeAll(async () => {
  world = await createWorld({}, { ...FULL_PERMISSIONS, contents: 'write', pull_requests: 'write' });
  world.gh.seed.file('acme/api', 'README.md', '# api\n');
  world.gh.seed.branch('acme/api', HEAD, { '.github/key-hygiene.yml': 'keys: []\n' });
  world.gh.seed.branch('acme/api', 'same');
});
afterAll(() => world.gh.close());

const send = (path: string, body: unknown, method = 'POST', token?: string) =>
  world.call(path, { method, body: JSON.stringify(body), ...(token && { token }) });
const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
interface Pull {
  number: number;
  state: string;
  merged: boolean;
  merged_at: string | null;
  title: string;
  body: string | null;
  user: { login: string };
  head: { ref: string; label: string; sha: string };
  base: { ref: string };
  changed_files: number;
}

describe('pull requests', () => {
  let number: number;

  it('opens one as the App bot, numbered in the issues sequence', async () => {
    world.gh.seed.issue({ repo: 'acme/api', title: 'an issue first' });
    const created = await send('/repos/acme/api/pulls', {
      title: 'Configure Key Hygiene',
      head: HEAD,
      base: 'main',
      body: 'what the bot will do',
    });
    expect(created.status).toBe(201);
    const pull = await json<Pull>(created);
    number = pull.number;
    expect(pull).toMatchObject({
      number: 2,
      state: 'open',
      merged: false,
      user: { login: 'key-hygiene[bot]' },
      head: { ref: HEAD, label: `acme:${HEAD}` },
      base: { ref: 'main' },
      changed_files: 1,
    });
    // A pull request is an issue too, and issue lists mark it.
    const issues = await json<Array<{ number: number; pull_request?: { url: string } }>>(
      await world.call('/repos/acme/api/issues'),
    );
    expect(issues.find((i) => i.number === number)?.pull_request?.url).toMatch(new RegExp(`/pulls/${number}$`));
  });

  it('refuses a second open one for the same head and base, and one with nothing to merge', async () => {
    const twice = await send('/repos/acme/api/pulls', { title: 'again', head: `acme:${HEAD}`, base: 'main' });
    expect(twice.status).toBe(422);
    expect(await json(twice)).toMatchObject({
      errors: [{ message: `A pull request already exists for acme:${HEAD}.` }],
    });
    expect(
      await json(await send('/repos/acme/api/pulls', { title: 'empty', head: 'same', base: 'main' })),
    ).toMatchObject({ errors: [{ message: 'No commits between main and same' }] });
    expect(await json(await send('/repos/acme/api/pulls', { title: 'x', head: 'nope', base: 'main' }))).toMatchObject({
      errors: [{ field: 'head', code: 'invalid' }],
    });
  });

  it('lists by head (owner:branch) and state', async () => {
    const list = async (query: string) =>
      (await json<Pull[]>(await world.call(`/repos/acme/api/pulls${query}`))).map((p) => p.number);
    expect(await list(`?head=acme:${HEAD}`)).toEqual([number]);
    expect(await list('?head=acme:other')).toEqual([]);
    expect(await list(`?head=someone-else:${HEAD}`)).toEqual([]);
    expect(await list('?state=closed')).toEqual([]);
  });

  it('edits the body and closes it; a closed one is listed with state=closed or all, unmerged', async () => {
    const patched = await json<Pull>(
      await send(`/repos/acme/api/pulls/${number}`, { body: 'new body', state: 'closed' }, 'PATCH'),
    );
    expect(patched).toMatchObject({ body: 'new body', state: 'closed', merged: false, merged_at: null });
    const all = await json<Pull[]>(await world.call(`/repos/acme/api/pulls?state=all&head=acme:${HEAD}`));
    expect(all.map((p) => [p.number, p.state, p.merged_at])).toEqual([[number, 'closed', null]]);
    expect((await world.call(`/repos/acme/api/pulls?state=closed`)).status).toBe(200);
  });

  it('reopens it; a merged one (seeded) stays closed and its files reach the base branch', async () => {
    expect((await json<Pull>(await send(`/repos/acme/api/pulls/${number}`, { state: 'open' }, 'PATCH'))).state).toBe(
      'open',
    );
    world.gh.seed.mergePull('acme/api', number, 'mona');
    const merged = await json<Pull>(await world.call(`/repos/acme/api/pulls/${number}`));
    expect(merged).toMatchObject({ state: 'closed', merged: true });
    expect(merged.merged_at).not.toBeNull();
    expect((await send(`/repos/acme/api/pulls/${number}`, { state: 'open' }, 'PATCH')).status).toBe(422);
    expect((await world.call('/repos/acme/api/contents/.github/key-hygiene.yml')).status).toBe(200);
  });

  it('needs pull_requests: read to list and write to open, with X-Accepted-GitHub-Permissions', async () => {
    const none = world.gh.seed.installationToken(world.installation.id, { permissions: { contents: 'read' } });
    const listing = await world.call('/repos/acme/api/pulls', { token: none });
    expect(listing.status).toBe(403);
    expect(listing.headers.get('x-accepted-github-permissions')).toBe('pull_requests=read');
    const reader = world.gh.seed.installationToken(world.installation.id, { permissions: { pull_requests: 'read' } });
    const opening = await send('/repos/acme/api/pulls', { title: 't', head: HEAD, base: 'main' }, 'POST', reader);
    expect(opening.status).toBe(403);
    expect(opening.headers.get('x-accepted-github-permissions')).toBe('pull_requests=write');
    expect((await world.call('/repos/acme/api/pulls/999')).status).toBe(404);
  });
});
