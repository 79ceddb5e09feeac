import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedPermissions, permissionTable, routeKey } from '../support/github-emulator/permission-table.js';
import type { Permissions } from '../support/github-emulator/index.js';
import { createWorld, type World } from './fixture.js';

// The emulator enforces GitHub's server-to-server permission map (github-permissions.json, generated
// from GitHub's published data by scripts/github-permissions.mjs) on every route it serves.

let world: World;
beforeAll(async () => {
  world = await createWorld();
  world.gh.seed.environment({ repo: 'acme/api', name: 'production', reviewers: [] });
  world.gh.seed.secret({ scope: 'environment', repo: 'acme/api', environment: 'production', name: 'OPENAI_API_KEY' });
  world.gh.seed.secret({ scope: 'org', org: 'acme', name: 'SHARED', visibility: 'all' });
});
afterAll(() => world.gh.close());

/** Status and `X-Accepted-GitHub-Permissions` of a GET with a token holding only `permissions`. */
async function get(path: string, permissions: Permissions): Promise<{ status: number; accepted: string | null }> {
  const token = world.gh.seed.installationToken(world.installation.id, { permissions });
  const response = await world.call(path, { token });
  await response.body?.cancel();
  return { status: response.status, accepted: response.headers.get('x-accepted-github-permissions') };
}

describe('the permission table', () => {
  it('covers every token route the emulator serves, and only those; App JWT routes need none', () => {
    const tokenRoutes = world.gh.routes
      .filter((route) => route.auth === 'token')
      .map(routeKey)
      .sort();
    expect(Object.keys(permissionTable.routes).sort()).toEqual(tokenRoutes);
    expect(
      world.gh.routes
        .filter((route) => acceptedPermissions(route) === undefined)
        .every((route) => route.auth === 'app'),
    ).toBe(true);
  });

  it('leaves unchecked only the routes GitHub documents as needing no permission', () => {
    const open = Object.entries(permissionTable.routes)
      .filter(([, sets]) => sets.length === 0)
      .map(([route]) => route);
    expect(open.sort()).toEqual([...permissionTable.noPermission].sort());
    expect(open.sort()).toEqual([
      'GET /installation/repositories',
      'GET /orgs/{org}',
      'GET /rate_limit',
      'GET /users/{username}',
    ]);
  });
});

describe("GitHub's per-endpoint permissions", () => {
  it('lists and reads environments with Actions: read only — not Environments, not Metadata', async () => {
    expect(
      await get('/repos/acme/api/environments', { environments: 'read', secrets: 'read', metadata: 'read' }),
    ).toEqual({ status: 403, accepted: 'actions=read' });
    expect(await get('/repos/acme/api/environments/production', { environments: 'read' })).toEqual({
      status: 403,
      accepted: 'actions=read',
    });
    expect((await get('/repos/acme/api/environments', { actions: 'read' })).status).toBe(200);
  });

  it('lists the organization secrets a repository sees with Secrets: read, not Actions', async () => {
    expect(await get('/repos/acme/api/actions/organization-secrets', { actions: 'read' })).toEqual({
      status: 403,
      accepted: 'secrets=read',
    });
    expect((await get('/repos/acme/api/actions/organization-secrets', { secrets: 'read' })).status).toBe(200);
  });

  it('reaches environment secrets with Environments or with Secrets', async () => {
    const path = '/repos/acme/api/environments/production/secrets';
    expect((await get(path, { secrets: 'read' })).status).toBe(200);
    expect((await get(path, { environments: 'read' })).status).toBe(200);
    expect(await get(path, { actions: 'read' })).toEqual({ status: 403, accepted: 'environments=read; secrets=read' });
    expect((await get(`${path}/OPENAI_API_KEY`, { environments: 'read' })).status).toBe(200);
  });

  it('names the accepted permissions on success too', async () => {
    expect(await get('/repos/acme/api/actions/secrets', { secrets: 'read' })).toEqual({
      status: 200,
      accepted: 'secrets=read',
    });
  });
});
