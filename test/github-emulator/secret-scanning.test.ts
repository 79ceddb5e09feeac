import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKey } from '../support/make-keys.js';
import { createWorld, FULL_PERMISSIONS, type World } from './fixture.js';
import { validateResponse } from './openapi-validator.js';

// Secret scanning alerts as GitHub serves them: the raw secret unless `hide_secret=true`, the
// "Secret scanning alerts" permission, locations, filters and pages.

const SECRET = makeKey('openai-project-key', 7);
const COMMIT = 'c'.repeat(40);
const ALERT = '/repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}';

let world: World;

beforeAll(async () => {
  world = await createWorld({}, { ...FULL_PERMISSIONS, secret_scanning_alerts: 'read' });
  const { seed, clock } = world.gh;
  seed.secretScanningAlert({
    repo: 'acme/api',
    secretType: 'openai_api_key',
    secretTypeDisplayName: 'OpenAI API Key',
    secret: SECRET,
    validity: 'active',
    locations: [
      { path: 'src/config.py', startLine: 3, commitSha: COMMIT },
      { path: 'deploy/.env', startLine: 1, commitSha: COMMIT },
    ],
  });
  clock.advance(60_000);
  seed.secretScanningAlert({
    repo: 'acme/api',
    secretType: 'mailchimp_api_key',
    secret: 'emulated-value',
    state: 'resolved',
  });
  seed.secretScanningAlert({ repo: 'acme/web', secretType: 'openai_api_key', secret: 'emulated-value' });
});
afterAll(() => world.gh.close());

const get = async (path: string, token?: string) => {
  const response = await world.call(path, { token });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
};

describe('a secret scanning alert', () => {
  it('carries the raw secret unless hide_secret=true, and validates either way', async () => {
    const shown = await get('/repos/acme/api/secret-scanning/alerts/1');
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      number: 1,
      state: 'open',
      secret_type: 'openai_api_key',
      secret_type_display_name: 'OpenAI API Key',
      validity: 'active',
      secret: SECRET,
      has_more_locations: true,
    });
    expect(shown.body.html_url).toBe(`${world.gh.url}/acme/api/security/secret-scanning/1`);
    expect(validateResponse('GET', ALERT, 200, shown.body)).toBeNull();

    const hidden = await get('/repos/acme/api/secret-scanning/alerts/1?hide_secret=true');
    expect(hidden.body).not.toHaveProperty('secret');
    expect(JSON.stringify(hidden.body)).not.toContain(SECRET);
    expect(hidden.body.first_location_detected).toMatchObject({
      path: 'src/config.py',
      start_line: 3,
      commit_sha: COMMIT,
    });
    expect(validateResponse('GET', ALERT, 200, hidden.body)).toBeNull();
    // Only `true` hides it: the parameter is a boolean that defaults to false.
    expect((await get('/repos/acme/api/secret-scanning/alerts/1?hide_secret=false')).body.secret).toBe(SECRET);
  });

  it('lists its locations, oldest first, in pages', async () => {
    const response = await world.call('/repos/acme/api/secret-scanning/alerts/1/locations?per_page=1');
    const page = (await response.json()) as Array<{ type: string; details: { path: string; commit_sha: string } }>;
    expect(page).toEqual([
      expect.objectContaining({
        type: 'commit',
        details: expect.objectContaining({ path: 'src/config.py', commit_sha: COMMIT }),
      }),
    ]);
    expect(response.headers.get('link')).toContain('rel="next"');
    expect(validateResponse('GET', `${ALERT}/locations`, 200, page)).toBeNull();
  });

  it('is 404 when the alert does not exist in that repository', async () => {
    expect((await get('/repos/acme/api/secret-scanning/alerts/9')).status).toBe(404);
    expect((await get('/repos/acme/web/secret-scanning/alerts/2')).status).toBe(404);
    expect((await get('/repos/acme/api/secret-scanning/alerts/9/locations')).status).toBe(404);
  });

  it('needs the "Secret scanning alerts" permission: 403 names it', async () => {
    const token = world.gh.seed.installationToken(world.installation.id, {
      permissions: { issues: 'write', contents: 'read' },
    });
    for (const path of [
      '/repos/acme/api/secret-scanning/alerts/1?hide_secret=true',
      '/repos/acme/api/secret-scanning/alerts',
      '/repos/acme/api/secret-scanning/alerts/1/locations',
    ]) {
      const denied = await get(path, token);
      expect(denied.status).toBe(403);
      expect(denied.body.message).toBe('Resource not accessible by integration');
      expect(denied.headers.get('x-accepted-github-permissions')).toBe('secret_scanning_alerts=read');
    }
  });
});

describe("the list of a repository's alerts", () => {
  const list = async (query: string) => {
    const response = await world.call(`/repos/acme/api/secret-scanning/alerts${query}`);
    return (await response.json()) as Array<Record<string, unknown>>;
  };

  it('comes newest first, filters by state and type, and hides secrets on request', async () => {
    expect((await list('')).map((a) => a.number)).toEqual([2, 1]);
    expect((await list('?direction=asc')).map((a) => a.number)).toEqual([1, 2]);
    expect((await list('?state=open')).map((a) => a.number)).toEqual([1]);
    expect((await list('?secret_type=mailchimp_api_key,github_personal_access_token')).map((a) => a.number)).toEqual([
      2,
    ]);
    expect((await list('?validity=active')).map((a) => a.number)).toEqual([1]);
    const hidden = await list('?hide_secret=true');
    expect(hidden.every((a) => !('secret' in a))).toBe(true);
    expect(validateResponse('GET', '/repos/{owner}/{repo}/secret-scanning/alerts', 200, hidden)).toBeNull();
    expect((await list('')).find((a) => a.number === 1)?.secret).toBe(SECRET);
  });
});
