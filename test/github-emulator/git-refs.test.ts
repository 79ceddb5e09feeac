import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, FULL_PERMISSIONS, type World } from './fixture.js';

// Branches and file writes of a map-backed repository (for onboarding): what the App needs to
// put a config and a workflow on a branch of its own.
let world: World;
let writer: string;
const b64 = (text: string) => Buffer.from(text).toString('base64');

beforeAll(async () => {
  world = await createWorld({}, { ...FULL_PERMISSIONS, contents: 'write', workflows: 'write' });
  world.gh.seed.file('acme/api', 'README.md', '# api\n');
  writer = world.token;
});
afterAll(() => world.gh.close());

const send = (path: string, body: unknown, method = 'POST', token = writer) =>
  world.call(path, { method, body: JSON.stringify(body), token });
const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

describe('git refs', () => {
  it('reads the default branch head and creates a branch from it', async () => {
    const main = await json<{ ref: string; object: { sha: string; type: string } }>(
      await world.call('/repos/acme/api/git/ref/heads/main'),
    );
    expect(main).toMatchObject({ ref: 'refs/heads/main', object: { type: 'commit' } });
    expect(main.object.sha).toMatch(/^[0-9a-f]{40}$/);
    const created = await send('/repos/acme/api/git/refs', {
      ref: 'refs/heads/key-hygiene/configure',
      sha: main.object.sha,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(/\/repos\/acme\/api\/git\/refs\/heads\/key-hygiene\/configure$/);
    // Octokit encodes the slashes of {ref}; both forms name the same branch.
    const branch = await json<{ object: { sha: string } }>(
      await world.call('/repos/acme/api/git/ref/heads%2Fkey-hygiene%2Fconfigure'),
    );
    expect(branch.object.sha).toBe(main.object.sha);
  });

  it('refuses an existing ref, an unknown commit and a bad name with 422; an unknown branch is 404', async () => {
    const main = await json<{ object: { sha: string } }>(await world.call('/repos/acme/api/git/ref/heads/main'));
    expect(
      await json(
        await send('/repos/acme/api/git/refs', { ref: 'refs/heads/key-hygiene/configure', sha: main.object.sha }),
      ),
    ).toMatchObject({ message: 'Reference already exists' });
    expect((await send('/repos/acme/api/git/refs', { ref: 'refs/heads/other', sha: 'f'.repeat(40) })).status).toBe(422);
    expect((await send('/repos/acme/api/git/refs', { ref: 'other', sha: main.object.sha })).status).toBe(422);
    expect((await world.call('/repos/acme/api/git/ref/heads/nope')).status).toBe(404);
  });

  it('answers 409 for a repository with no commit', async () => {
    world.gh.seed.repo({ fullName: 'acme/empty' });
    expect(await json(await world.call('/repos/acme/empty/git/ref/heads/main'))).toMatchObject({
      message: 'Git Repository is empty.',
    });
  });

  it('needs contents: write to create one', async () => {
    const reader = world.gh.seed.installationToken(world.installation.id, { permissions: { contents: 'read' } });
    const refused = await send(
      '/repos/acme/api/git/refs',
      { ref: 'refs/heads/x', sha: 'a'.repeat(40) },
      'POST',
      reader,
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('contents=write');
  });
});

describe('PUT contents', () => {
  const path = '/repos/acme/api/contents/.github/key-hygiene.yml';

  it('creates a file on a branch (201), which the branch then serves and the default branch does not', async () => {
    const created = await send(
      path,
      { message: 'Add config', content: b64('keys: []\n'), branch: 'key-hygiene/configure' },
      'PUT',
    );
    expect(created.status).toBe(201);
    const body = await json<{
      content: { path: string; sha: string };
      commit: { sha: string; message: string; parents: Array<{ sha: string }>; author: { name: string } };
    }>(created);
    expect(body.content.path).toBe('.github/key-hygiene.yml');
    expect(body.commit).toMatchObject({ message: 'Add config', author: { name: 'key-hygiene[bot]' } });
    const raw = await world.call(`${path}?ref=key-hygiene/configure`, {
      headers: { accept: 'application/vnd.github.raw' },
    });
    expect(await raw.text()).toBe('keys: []\n');
    expect((await world.call(path)).status).toBe(404);
    // The branch moved on: its head is the new commit.
    const head = await json<{ object: { sha: string } }>(
      await world.call('/repos/acme/api/git/ref/heads/key-hygiene/configure'),
    );
    expect(head.object.sha).toBe(body.commit.sha);
    expect(body.commit.parents[0]!.sha).not.toBe(body.commit.sha);
  });

  it('replaces a file only with the sha of its current blob: 422 without it, 409 when stale', async () => {
    const current = await json<{ sha: string }>(await world.call(`${path}?ref=key-hygiene/configure`));
    expect(
      await json(await send(path, { message: 'x', content: b64('a: 1\n'), branch: 'key-hygiene/configure' }, 'PUT')),
    ).toMatchObject({ message: expect.stringContaining('"sha" wasn\'t supplied') });
    const updated = await send(
      path,
      {
        message: 'Edit',
        content: b64('keys: []\ndashboard: false\n'),
        branch: 'key-hygiene/configure',
        sha: current.sha,
      },
      'PUT',
    );
    expect(updated.status).toBe(200);
    const stale = await send(
      path,
      { message: 'Edit again', content: b64('x: 1\n'), branch: 'key-hygiene/configure', sha: current.sha },
      'PUT',
    );
    expect(stale.status).toBe(409);
  });

  it('refuses a missing message (422) and an unknown branch (404)', async () => {
    expect((await send(path, { content: b64('x'), branch: 'key-hygiene/configure' }, 'PUT')).status).toBe(422);
    expect((await send(path, { message: 'x', content: b64('x'), branch: 'nope' }, 'PUT')).status).toBe(404);
  });

  it('writes a workflow file only with the workflows permission, as GitHub refuses Apps without it', async () => {
    const workflow = '/repos/acme/api/contents/.github/workflows/key-hygiene.yml';
    const noWorkflows = world.gh.seed.installationToken(world.installation.id, { permissions: { contents: 'write' } });
    const refused = await send(
      workflow,
      { message: 'Add workflow', content: b64('on: push\n'), branch: 'key-hygiene/configure' },
      'PUT',
      noWorkflows,
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('contents=write,workflows=write');
    expect(await json(refused)).toMatchObject({ message: expect.stringContaining('without `workflows` permission') });
    expect(
      (
        await send(
          workflow,
          { message: 'Add workflow', content: b64('on: push\n'), branch: 'key-hygiene/configure' },
          'PUT',
        )
      ).status,
    ).toBe(201);
  });

  it('needs contents: write', async () => {
    const reader = world.gh.seed.installationToken(world.installation.id, { permissions: { contents: 'read' } });
    const refused = await send('/repos/acme/api/contents/a.txt', { message: 'x', content: b64('x') }, 'PUT', reader);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('contents=write');
  });
});
