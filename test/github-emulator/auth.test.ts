import { generateKeyPairSync } from 'node:crypto';
import { App, Octokit } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJwt, createWorld, type World } from './fixture.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.gh.close());

const bearer = (jwt: string) => ({ token: null, headers: { authorization: `Bearer ${jwt}` } });

describe('App JWT', () => {
  it('accepts a JWT signed with the App key', async () => {
    const response = await world.call('/app', bearer(appJwt(world)));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { slug: string }).slug).toBe('key-hygiene');
  });

  it('rejects an expired JWT with the message @octokit/auth-app looks for', async () => {
    const now = Math.floor(world.gh.clock.now().getTime() / 1000);
    const response = await world.call('/app', bearer(appJwt(world, { iat: now - 700, exp: now - 100 })));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /'Expiration time' claim \('exp'\) must be a numeric value/,
    );
  });

  it('rejects exp more than 10 minutes ahead and iat in the future', async () => {
    const now = Math.floor(world.gh.clock.now().getTime() / 1000);
    const tooLong = await world.call('/app', bearer(appJwt(world, { iat: now, exp: now + 1200 })));
    expect(((await tooLong.json()) as { message: string }).message).toMatch(/too far in the future/);
    const future = await world.call('/app', bearer(appJwt(world, { iat: now + 300, exp: now + 500 })));
    expect(future.status).toBe(401);
    expect(((await future.json()) as { message: string }).message).toMatch(/'Issued at' claim/);
  });

  it('rejects a JWT signed with another key, and an installation token on /app', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect((await world.call('/app', bearer(appJwt(world, {}, privateKey)))).status).toBe(401);
    expect((await world.call('/app')).status).toBe(401);
  });
});

describe('installation tokens', () => {
  it('are minted by POST access_tokens and expire after an hour of emulator time', async () => {
    const minted = await world.call(`/app/installations/${world.installation.id}/access_tokens`, {
      method: 'POST',
      ...bearer(appJwt(world)),
    });
    expect(minted.status).toBe(201);
    const { token, expires_at: expiresAt } = (await minted.json()) as { token: string; expires_at: string };
    expect(token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(Date.parse(expiresAt) - world.gh.clock.now().getTime()).toBe(3_600_000);
    expect((await world.call('/repos/acme/api', { token })).status).toBe(200);
    world.gh.clock.advance(3_600_000);
    const expired = await world.call('/repos/acme/api', { token });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { message: string }).message).toBe('Bad credentials');
    world.gh.clock.advance(-3_600_000);
  });

  it('answers 401 for an unknown token and 404 for a repository outside the installation', async () => {
    expect((await world.call('/repos/acme/api', { token: 'ghs_unknown' })).status).toBe(401);
    const other = world.gh.seed.app({ slug: 'other' });
    world.gh.seed.repo({ fullName: 'globex/vault' });
    const globex = world.gh.seed.installation({ account: 'globex', appId: other.id, permissions: { secrets: 'read' } });
    const globexToken = world.gh.seed.installationToken(globex.id);
    expect((await world.call('/repos/acme/api', { token: globexToken })).status).toBe(404);
    expect((await world.call('/repos/globex/vault', { token: world.token })).status).toBe(404);
  });

  it('narrows a token to selected repositories and refuses wider permissions', async () => {
    const jwt = appJwt(world);
    const narrowed = await world.call(`/app/installations/${world.installation.id}/access_tokens`, {
      method: 'POST',
      ...bearer(jwt),
      body: JSON.stringify({ repositories: ['web'] }),
    });
    const { token } = (await narrowed.json()) as { token: string };
    expect((await world.call('/repos/acme/web', { token })).status).toBe(200);
    expect((await world.call('/repos/acme/api', { token })).status).toBe(404);
    const wider = await world.call(`/app/installations/${world.installation.id}/access_tokens`, {
      method: 'POST',
      ...bearer(jwt),
      body: JSON.stringify({ permissions: { administration: 'write' } }),
    });
    expect(wider.status).toBe(422);
  });

  it('answers 403 with X-Accepted-GitHub-Permissions when a permission is missing', async () => {
    const limited = world.gh.seed.installation({ account: 'initech', permissions: { issues: 'read' } });
    world.gh.seed.repo({ fullName: 'initech/app' });
    const token = world.gh.seed.installationToken(limited.id);
    const response = await world.call('/repos/initech/app/actions/secrets', { token });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-accepted-github-permissions')).toBe('secrets=read');
    expect(((await response.json()) as { message: string }).message).toBe('Resource not accessible by integration');
    const workflow = world.gh.seed.workflowToken('initech/app', { actions: 'read', contents: 'read' });
    expect((await world.call('/repos/initech/app/environments', { token: workflow })).status).toBe(200);
    expect((await world.call('/repos/initech/app/actions/secrets', { token: workflow })).status).toBe(403);
  });
});

describe('a real Octokit App client', () => {
  it('authenticates as the App and as an installation against /api/v3', async () => {
    const app = new App({
      appId: world.app.id,
      privateKey: world.app.privateKey,
      Octokit: Octokit.defaults({ baseUrl: world.gh.apiV3Url }),
    });
    const { data } = await app.octokit.request('GET /app');
    expect(data?.id).toBe(world.app.id);
    const installationOctokit = await app.getInstallationOctokit(world.installation.id);
    const repo = await installationOctokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' });
    expect(repo.data.default_branch).toBe('main');
    const ids: number[] = [];
    for await (const { installation } of app.eachInstallation.iterator()) ids.push(installation.id);
    expect(ids).toContain(world.installation.id);
  });

  it('recovers from clock skew through the Date header, as on GitHub', async () => {
    world.gh.clock.advance(-20 * 60_000);
    try {
      const app = new App({
        appId: world.app.id,
        privateKey: world.app.privateKey,
        Octokit: Octokit.defaults({ baseUrl: world.gh.apiV3Url }),
        log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      });
      const { data } = await app.octokit.request('GET /app');
      expect(data?.slug).toBe('key-hygiene');
    } finally {
      world.gh.clock.advance(20 * 60_000);
    }
  });
});
