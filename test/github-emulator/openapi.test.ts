import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGitRepo } from '../support/github-emulator/index.js';
import { appJwt, createWorld, type World } from './fixture.js';
import { documented, documentedEmpty, subset, validateResponse } from './openapi-validator.js';
import { runPullScenario } from './openapi-pulls-scenario.js';
import { runSecretScanningScenario } from './openapi-secret-scanning-scenario.js';

interface Sample {
  route: string;
  status: number;
  body: unknown;
  /** The request, to replay it with a bad parameter. */
  request: { method: string; path: string; body?: unknown; auth?: string };
}

let world: World;
let gitDir: string;
const samples: Sample[] = [];

async function hit(method: string, path: string, body?: unknown, auth?: string): Promise<unknown> {
  const response = await world.call(path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    // An App JWT replaces the world's token (`call` would otherwise send the token over it).
    ...(auth ? { token: null, headers: { authorization: auth } } : {}),
  });
  const text = await response.text();
  const route = world.gh.log.entries.at(-1)?.route ?? `${method} (unmatched) ${path}`;
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  samples.push({ route, status: response.status, body: parsed, request: { method, path, body, auth } });
  return parsed;
}

/** One request to every route the emulator serves, with seeded state behind each. */
async function runScenario(): Promise<void> {
  const { gh } = world;
  gitDir = await mkdtemp(join(tmpdir(), 'emulator-openapi-'));
  const [first] = await buildGitRepo(gitDir, [{ 'a.txt': 'one\n' }, { 'a.txt': 'one\ntwo\n', 'b.txt': 'bee\n' }]);
  gh.seed.repo({ fullName: 'acme/service', gitDir });
  gh.seed.file('acme/api', '.github/key-hygiene.yml', 'rotation: 90d\n');
  gh.seed.collaborator('acme/api', 'mona', 'maintain');
  gh.seed.team({ org: 'acme', slug: 'sec', members: ['hubot'], repos: { api: 'write' } });
  gh.seed.environment({
    repo: 'acme/api',
    name: 'prod env',
    waitTimer: 5,
    reviewers: ['mona'],
    branchPolicy: { protectedBranches: true, customBranchPolicies: false },
  });
  gh.seed.secret({ scope: 'repo', repo: 'acme/api', name: 'OPENAI_API_KEY' });
  gh.seed.secret({ scope: 'environment', repo: 'acme/api', environment: 'prod env', name: 'OPENAI_API_KEY' });
  gh.seed.secret({ scope: 'dependabot-repo', repo: 'acme/api', name: 'NPM_TOKEN' });
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'SHARED', visibility: 'selected', selectedRepos: ['api'] });
  gh.seed.secret({ scope: 'dependabot-org', org: 'acme', name: 'DEP', visibility: 'all' });
  gh.seed.variable({ scope: 'repo', repo: 'acme/api', name: 'REGION', value: 'eu' });
  gh.seed.variable({ scope: 'environment', repo: 'acme/api', environment: 'prod env', name: 'TIER', value: 'gold' });
  gh.seed.variable({ scope: 'org', org: 'acme', name: 'ORG_VAR', value: 'x', visibility: 'private' });
  const jwt = `Bearer ${appJwt(world)}`;
  const id = world.installation.id;

  await hit('GET', '/app', undefined, jwt);
  await hit('GET', '/app/installations', undefined, jwt);
  await hit('GET', `/app/installations/${id}`, undefined, jwt);
  await hit(
    'POST',
    `/app/installations/${id}/access_tokens`,
    { repositories: ['api'], permissions: { issues: 'write' } },
    jwt,
  );
  await hit('GET', '/repos/acme/api/installation', undefined, jwt);
  await hit('GET', '/orgs/acme/installation', undefined, jwt);
  await hit('GET', '/users/acme/installation', undefined, jwt);
  for (const path of [
    '/installation/repositories',
    '/repos/acme/api',
    '/repos/acme/api/collaborators/mona/permission',
    '/repos/acme/api/contents/.github/key-hygiene.yml',
    '/repos/acme/api/contents/.github',
    '/orgs/acme',
    '/orgs/acme/repos',
    '/orgs/acme/teams',
    '/orgs/acme/teams/sec/members',
    '/orgs/acme/teams/sec/memberships/hubot',
    '/users/mona',
    '/rate_limit',
    '/repos/acme/api/collaborators?permission=admin',
    '/repos/acme/api/collaborators',
    '/repos/acme/api/actions/secrets',
    '/repos/acme/api/actions/secrets/OPENAI_API_KEY',
    '/repos/acme/api/actions/organization-secrets',
    '/repos/acme/api/environments/prod%20env/secrets',
    '/repos/acme/api/environments/prod%20env/secrets/OPENAI_API_KEY',
    '/repos/acme/api/dependabot/secrets',
    '/orgs/acme/actions/secrets',
    '/orgs/acme/actions/secrets/SHARED',
    '/orgs/acme/actions/secrets/SHARED/repositories',
    '/orgs/acme/dependabot/secrets',
    '/repos/acme/api/environments',
    '/repos/acme/api/environments/prod%20env',
    '/repos/acme/api/actions/variables',
    '/repos/acme/api/environments/prod%20env/variables',
    '/repos/acme/api/actions/organization-variables',
    '/orgs/acme/actions/variables',
    '/repos/acme/service/commits',
    `/repos/acme/service/commits/main`,
    `/repos/acme/service/compare/${first}...main`,
  ]) {
    await hit('GET', path);
  }
  const issue = (await hit('POST', '/repos/acme/api/issues', {
    title: 'Rotate OPENAI_API_KEY',
    body: 'due',
    labels: ['key-hygiene'],
    assignees: ['mona'],
  })) as { number: number };
  await hit('GET', '/repos/acme/api/issues?state=all');
  await hit('GET', `/repos/acme/api/issues/${issue.number}`);
  await hit('POST', `/repos/acme/api/issues/${issue.number}/assignees`, { assignees: ['hubot'] });
  await hit('GET', '/repos/acme/api/assignees/hubot');
  await hit('PATCH', `/repos/acme/api/issues/${issue.number}`, { state: 'closed', state_reason: 'completed' });
  const comment = (await hit('POST', `/repos/acme/api/issues/${issue.number}/comments`, { body: 'rotated' })) as {
    id: number;
  };
  await hit('GET', `/repos/acme/api/issues/${issue.number}/comments`);
  await hit('GET', `/repos/acme/api/issues/comments/${comment.id}`);
  await hit('PATCH', `/repos/acme/api/issues/comments/${comment.id}`, { body: 'rotated twice' });
  await hit('POST', '/repos/acme/api/labels', { name: 'stale-key', color: 'd73a4a', description: 'A key is due' });
  await hit('GET', '/repos/acme/api/labels');
  await hit('GET', '/repos/acme/api/labels/stale-key');
  await hit('POST', `/repos/acme/api/issues/${issue.number}/labels`, { labels: ['stale-key'] });
  await hit('DELETE', `/repos/acme/api/issues/${issue.number}/labels/stale-key`);
  await hit('POST', '/repos/acme/api/labels', { name: 'stale-key' });
  await hit('DELETE', '/repos/acme/api/labels/stale-key');
  const run = (await hit('POST', '/repos/acme/service/check-runs', {
    name: 'key-hygiene',
    head_sha: first,
    status: 'in_progress',
  })) as { id: number };
  const annotation = {
    path: 'a.txt',
    start_line: 1,
    end_line: 1,
    annotation_level: 'warning',
    title: 'A key',
    message: 'Rotate it',
  };
  await hit('PATCH', `/repos/acme/service/check-runs/${run.id}`, {
    conclusion: 'success',
    output: { title: 'clean', summary: 'no keys', annotations: [annotation] },
  });
  await hit('GET', `/repos/acme/service/check-runs/${run.id}`);
  await hit('GET', `/repos/acme/service/check-runs/${run.id}/annotations?per_page=50`);
  await hit('GET', `/repos/acme/service/commits/${first}/check-runs?check_name=key-hygiene`);
  await hit('GET', `/repos/acme/service/commits/${first}/check-runs?filter=all&status=completed`);
  // Error answers are part of the contract too.
  await hit('GET', '/repos/acme/nope');
  await hit('POST', '/repos/acme/api/issues', { title: 'x', body: 'y'.repeat(65_537) });
  await runPullScenario(hit, world);
  await runSecretScanningScenario(hit, world);
}

beforeAll(async () => {
  world = await createWorld();
  await runScenario();
});
afterAll(async () => {
  await world.gh.close();
  await rm(gitDir, { recursive: true, force: true });
});

/**
 * GitHub's description types `account` of `GET /app/installations` as `allOf` Simple User and
 * Enterprise, which no account can satisfy (the single-installation routes say `anyOf`): that
 * field's errors are the description's, not the emulator's.
 */
function withoutDescriptionDefects(route: string, errors: string | null): string | null {
  if (!errors || route !== 'GET /app/installations') return errors;
  const left = errors.split('\n').filter((line) => !/^data\/\d+\/account /.test(line));
  return left.length > 0 ? left.join('\n') : null;
}

const served = (): string[] => world.gh.routes.map((route) => `${route.method} ${route.path}`);

describe('OpenAPI conformance', () => {
  it("serves only operations that exist in GitHub's description, and the subset lists exactly those", () => {
    const inSubset = Object.entries(subset.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(served().sort()).toEqual(inSubset.sort());
  });

  it('was exercised on every route by the scenario', () => {
    const hitRoutes = new Set(samples.map((s) => s.route));
    expect(served().filter((route) => !hitRoutes.has(route))).toEqual([]);
  });

  it('answers with bodies that validate against the response schemas', () => {
    const failures: string[] = [];
    for (const sample of samples) {
      const [method = '', path = ''] = sample.route.split(' ');
      if (documentedEmpty(method, path, sample.status)) {
        if (sample.body !== undefined)
          failures.push(`${sample.route} → ${sample.status} has a body, GitHub sends none`);
        continue;
      }
      if (!documented(method, path, sample.status)) {
        // Success statuses must be documented; error statuses may come from GitHub's generic set.
        if (sample.status < 400) failures.push(`${sample.route} → ${sample.status} is not a documented status`);
        continue;
      }
      const errors = withoutDescriptionDefects(
        sample.route,
        validateResponse(method, path, sample.status, sample.body),
      );
      if (errors) failures.push(`${sample.route} → ${sample.status}:\n${errors}`);
    }
    expect(failures).toEqual([]);
    expect(samples.length).toBeGreaterThanOrEqual(served().length);
  });
});

describe('request parameters', () => {
  /** The first request that succeeded on each route, to replay with one thing wrong. */
  const succeeded = (): Map<string, Sample['request']> => {
    const found = new Map<string, Sample['request']>();
    for (const sample of samples)
      if (sample.status < 400 && !found.has(sample.route)) found.set(sample.route, sample.request);
    return found;
  };
  const replay = async (
    request: Sample['request'],
    path: string,
    body: unknown,
  ): Promise<{ status: number; message: string }> => {
    // The scenario lent the token write permissions for some routes: lend them again, so only the
    // bad parameter can be refused.
    const token = world.gh.store.tokens.get(world.token)!;
    const saved = token.permissions;
    token.permissions = {
      ...saved,
      contents: 'write',
      pull_requests: 'write',
      workflows: 'write',
      secret_scanning_alerts: 'read',
    };
    const response = await world
      .call(path, {
        method: request.method,
        body: body === undefined ? undefined : JSON.stringify(body),
        ...(request.auth ? { token: null, headers: { authorization: request.auth } } : {}),
      })
      .finally(() => (token.permissions = saved));
    return { status: response.status, message: ((await response.json()) as { message?: string }).message ?? '' };
  };

  it('are validated on every route the emulator serves: an unknown query parameter is refused', async () => {
    const requests = succeeded();
    expect([...requests.keys()].sort()).toEqual(served().sort());
    const passed: string[] = [];
    for (const [route, request] of requests) {
      const path = `${request.path}${request.path.includes('?') ? '&' : '?'}bogus_param=1`;
      const answer = await replay(request, path, request.body);
      if (answer.status !== 422 || !answer.message.includes('bogus_param'))
        passed.push(`${route} → ${answer.status} ${answer.message}`);
    }
    expect(passed).toEqual([]);
  });

  it('refuses an unknown body field on every route that takes a body', async () => {
    const passed: string[] = [];
    for (const [route, request] of succeeded()) {
      if (request.body === undefined || Array.isArray(request.body)) continue;
      const answer = await replay(request, request.path, { ...(request.body as object), bogus_key: 1 });
      if (answer.status !== 422 || !answer.message.includes('bogus_key'))
        passed.push(`${route} → ${answer.status} ${answer.message}`);
    }
    expect(passed).toEqual([]);
  });

  it("refuses mistyped and out-of-range values as GitHub's description defines them", async () => {
    const cases: [string, string, unknown?][] = [
      ['GET', '/repos/acme/api/issues?state=opened'],
      ['GET', '/repos/acme/api/issues?per_page=101'],
      ['GET', '/repos/acme/api/issues?page=zero'],
      ['GET', '/repos/acme/service/commits/main/check-runs?filter=newest'],
      ['GET', '/repos/acme/api/collaborators?permission=write'],
      ['GET', '/repos/acme/api/actions/variables?per_page=31'],
      ['POST', '/repos/acme/api/issues', { title: 7 }],
      ['POST', '/repos/acme/api/issues', { body: 'no title' }],
      ['PATCH', '/repos/acme/api/issues/1', { state: 'done' }],
      ['POST', '/repos/acme/api/labels', { name: 5 }],
      ['POST', '/repos/acme/api/issues/1/comments', {}],
    ];
    const answers = [];
    for (const [method, path, body] of cases) {
      const response = await world.call(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
      answers.push(`${method} ${path} → ${response.status}`);
    }
    expect(answers).toEqual(cases.map(([method, path]) => `${method} ${path} → 422`));
  });
});

describe('the validator', () => {
  it('rejects a body that breaks the schema, so the check above is not vacuous', () => {
    const path = '/repos/{owner}/{repo}/actions/secrets';
    expect(
      validateResponse('GET', path, 200, { total_count: 1, secrets: [{ name: 'A', created_at: 'yesterday' }] }),
    ).toMatch(/updated_at|date-time/);
    expect(validateResponse('GET', path, 200, { total_count: 0, secrets: [] })).toBeNull();
  });
});
