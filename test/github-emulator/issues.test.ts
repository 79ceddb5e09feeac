import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from './fixture.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
  world.gh.seed.collaborator('acme/api', 'mona', 'write');
});
afterAll(() => world.gh.close());

const post = (path: string, body: unknown, method = 'POST') => world.call(path, { method, body: JSON.stringify(body) });

describe('issues, comments and labels', () => {
  it('creates an issue as the App bot, with labels created on the fly and assignees that can see the repo', async () => {
    // GitHub refuses the whole issue when one assignee cannot be assigned (422 on `assignees`).
    const refused = await post('/repos/acme/api/issues', {
      title: 'Rotate OPENAI_API_KEY',
      body: 'due',
      assignees: ['mona', 'stranger'],
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid' }],
    });
    const response = await post('/repos/acme/api/issues', {
      title: 'Rotate OPENAI_API_KEY',
      body: 'due',
      labels: ['key-hygiene'],
      assignees: ['mona'],
    });
    expect(response.status).toBe(201);
    const issue = (await response.json()) as {
      number: number;
      user: { login: string; type: string };
      labels: Array<{ name: string }>;
      assignees: Array<{ login: string }>;
      performed_via_github_app: { slug: string };
    };
    expect(response.headers.get('location')).toBe(`${world.gh.url}/repos/acme/api/issues/${issue.number}`);
    expect(issue.user).toMatchObject({ login: 'key-hygiene[bot]', type: 'Bot' });
    expect(issue.labels.map((l) => l.name)).toEqual(['key-hygiene']);
    expect(issue.assignees.map((a) => a.login)).toEqual(['mona']);
    expect(issue.performed_via_github_app.slug).toBe('key-hygiene');
  });

  it('lists by state and label, updates state, labels and assignees', async () => {
    world.gh.seed.issue({ repo: 'acme/api', title: 'old', state: 'closed', labels: ['key-hygiene'] });
    const open = (await (await world.call('/repos/acme/api/issues?labels=key-hygiene')).json()) as Array<{
      title: string;
    }>;
    expect(open.map((i) => i.title)).toEqual(['Rotate OPENAI_API_KEY']);
    const all = (await (await world.call('/repos/acme/api/issues?state=all&direction=asc')).json()) as Array<{
      title: string;
    }>;
    expect(all.map((i) => i.title)).toEqual(['Rotate OPENAI_API_KEY', 'old']);
    const patched = await post(
      '/repos/acme/api/issues/1',
      { state: 'closed', state_reason: 'not_planned', labels: ['a', 'b'], assignees: [] },
      'PATCH',
    );
    expect(await patched.json()).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
      assignees: [],
      labels: [{ name: 'a' }, { name: 'b' }],
    });
    await post('/repos/acme/api/issues/1/labels', { labels: ['c'] });
    const removed = await world.call('/repos/acme/api/issues/1/labels/a', { method: 'DELETE' });
    expect(((await removed.json()) as Array<{ name: string }>).map((l) => l.name)).toEqual(['b', 'c']);
    expect((await world.call('/repos/acme/api/issues/1/labels/zzz', { method: 'DELETE' })).status).toBe(404);
  });

  it('adds assignees silently dropping who cannot be assigned, at most 10 in all; says who can be assigned', async () => {
    const added = await post('/repos/acme/api/issues/1/assignees', { assignees: ['mona', 'stranger'] });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { assignees: Array<{ login: string }> }).assignees.map((a) => a.login)).toEqual([
      'mona',
    ]);
    expect((await world.call('/repos/acme/api/assignees/mona')).status).toBe(204);
    expect((await world.call('/repos/acme/api/assignees/stranger')).status).toBe(404);
    const many = Array.from({ length: 10 }, (_, i) => `dev${i}`);
    many.forEach((login) => world.gh.seed.collaborator('acme/api', login, 'read'));
    expect((await post('/repos/acme/api/issues/1/assignees', { assignees: many })).status).toBe(422);
    expect((await post('/repos/acme/api/issues/1/assignees', { assignees: many.slice(0, 9) })).status).toBe(201);
  });

  it('creates, lists and edits comments', async () => {
    const created = (await (await post('/repos/acme/api/issues/1/comments', { body: 'rotated' })).json()) as {
      id: number;
    };
    await post(`/repos/acme/api/issues/comments/${created.id}`, { body: 'rotated again' }, 'PATCH');
    const comments = (await (await world.call('/repos/acme/api/issues/1/comments')).json()) as Array<{ body: string }>;
    expect(comments.map((c) => c.body)).toEqual(['rotated again']);
    const issue = (await (await world.call('/repos/acme/api/issues/1')).json()) as { comments: number };
    expect(issue.comments).toBe(1);
  });

  it('refuses duplicate labels and missing titles with 422', async () => {
    expect((await post('/repos/acme/api/labels', { name: 'b' })).status).toBe(422);
    expect((await post('/repos/acme/api/issues', { body: 'no title' })).status).toBe(422);
  });

  it("creates a label once among racing creators (422 already_exists, any case), keeps GitHub's lengths, deletes it from the repository and its issues", async () => {
    const racing = await Promise.all(
      ['claim-x', 'CLAIM-X', 'claim-x'].map((name) => post('/repos/acme/api/labels', { name, description: 'held' })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    const refused = racing.find((r) => r.status === 422)!;
    expect(await refused.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
    });
    expect((await post('/repos/acme/api/labels', { name: 'x'.repeat(51) })).status).toBe(422);
    expect((await post('/repos/acme/api/labels', { name: 'y', description: 'd'.repeat(101) })).status).toBe(422);
    expect((await post('/repos/acme/api/labels', { name: 'x'.repeat(50), description: 'd'.repeat(100) })).status).toBe(
      201,
    );

    world.gh.seed.issue({ repo: 'acme/api', title: 'labelled', labels: ['claim-x'] });
    const number = world.gh.store.issues.at(-1)!.number;
    expect((await world.call('/repos/acme/api/labels/Claim-X', { method: 'DELETE' })).status).toBe(204);
    expect((await world.call('/repos/acme/api/labels/claim-x')).status).toBe(404);
    expect((await world.call('/repos/acme/api/labels/claim-x', { method: 'DELETE' })).status).toBe(404);
    expect(world.gh.store.issues.find((i) => i.number === number && i.title === 'labelled')!.labels).toEqual([]);
    expect((await post('/repos/acme/api/labels', { name: 'claim-x' })).status).toBe(201);
  });
});

describe('body size limit (65,536 characters)', () => {
  it('accepts exactly the limit and refuses one more with 422, for issues and comments', async () => {
    expect((await post('/repos/acme/api/issues', { title: 't', body: 'x'.repeat(65_536) })).status).toBe(201);
    const tooLong = await post('/repos/acme/api/issues', { title: 't', body: 'x'.repeat(65_537) });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'body', code: 'custom' }],
    });
    expect((await post('/repos/acme/api/issues/1', { body: 'x'.repeat(65_537) }, 'PATCH')).status).toBe(422);
    expect((await post('/repos/acme/api/issues/1/comments', { body: 'x'.repeat(65_537) })).status).toBe(422);
  });
});

describe('write access', () => {
  it('refuses writes without issues:write (403) and on archived repositories', async () => {
    const readOnly = world.gh.seed.installationToken(world.installation.id, { permissions: { issues: 'read' } });
    const refused = await world.call('/repos/acme/api/issues', {
      method: 'POST',
      token: readOnly,
      body: JSON.stringify({ title: 't' }),
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('issues=write');
    world.gh.seed.repo({ fullName: 'acme/legacy', archived: true });
    const archived = await post('/repos/acme/legacy/issues', { title: 't' });
    expect(archived.status).toBe(403);
    expect(((await archived.json()) as { message: string }).message).toMatch(/archived/);
  });
});
