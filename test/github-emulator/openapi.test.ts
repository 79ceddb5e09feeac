import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGitRepo } from '../support/github-emulator/index.js';
import { appJwt, createWorld, type World } from './fixture.js';
import { documented, subset, validateResponse } from './openapi-validator.js';
import { runPullScenario } from './openapi-pulls-scenario.js';
import { runSecretScanningScenario } from './openapi-secret-scanning-scenario.js';

interface Sample {
  route: string;
  status: number;
  body: unknown;
}

let world: World;
let gitDir: string;
const samples: Sample[] = [];

async function hit(method: string, path: string, body?: unknown, auth?: string): Promise<unknown> {
  const response = await world.call(path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: auth ? { authorization: auth } : {},
  });
  const text = await response.text();
  const route = world.gh.log.entries.at(-1)?.route ?? `${method} (unmatched) ${path}`;
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  samples.push({ route, status: response.status, body: parsed });
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
  gh.seed.environment({ repo: 'acme/api', name: 'prod env', waitTimer: 5, reviewers: ['mona'], branchPolicy: { protectedBranches: true, customBranchPolicies: false } });
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
  await hit('POST', `/app/installations/${id}/access_tokens`, { repositories: ['api'], permissions: { issues: 'write' } }, jwt);
  await hit('GET', '/repos/acme/api/installation', undefined, jwt);
  await hit('GET', '/orgs/acme/installation', undefined, jwt);
  await hit('GET', '/users/acme/installation', undefined, jwt);
  for (const path of [
    '/installation/repositories', '/repos/acme/api', '/repos/acme/api/collaborators/mona/permission',
    '/repos/acme/api/contents/.github/key-hygiene.yml', '/repos/acme/api/contents/.github', '/orgs/acme', '/orgs/acme/repos',
    '/orgs/acme/teams', '/orgs/acme/teams/sec/members', '/orgs/acme/teams/sec/memberships/hubot', '/users/mona', '/rate_limit',
    '/repos/acme/api/collaborators?permission=admin', '/repos/acme/api/collaborators',
    '/repos/acme/api/actions/secrets', '/repos/acme/api/actions/secrets/OPENAI_API_KEY', '/repos/acme/api/actions/organization-secrets',
    '/repos/acme/api/environments/prod%20env/secrets', '/repos/acme/api/environments/prod%20env/secrets/OPENAI_API_KEY',
    '/repos/acme/api/dependabot/secrets', '/orgs/acme/actions/secrets', '/orgs/acme/actions/secrets/SHARED',
    '/orgs/acme/actions/secrets/SHARED/repositories', '/orgs/acme/dependabot/secrets', '/repos/acme/api/environments',
    '/repos/acme/api/environments/prod%20env', '/repos/acme/api/actions/variables', '/repos/acme/api/environments/prod%20env/variables',
    '/repos/acme/api/actions/organization-variables', '/orgs/acme/actions/variables',
    '/repos/acme/service/commits', `/repos/acme/service/commits/main`, `/repos/acme/service/compare/${first}...main`,
  ]) {
    await hit('GET', path);
  }
  const issue = (await hit('POST', '/repos/acme/api/issues', { title: 'Rotate OPENAI_API_KEY', body: 'due', labels: ['key-hygiene'], assignees: ['mona'] })) as { number: number };
  await hit('GET', '/repos/acme/api/issues?state=all');
  await hit('GET', `/repos/acme/api/issues/${issue.number}`);
  await hit('POST', `/repos/acme/api/issues/${issue.number}/assignees`, { assignees: ['hubot'] });
  await hit('GET', '/repos/acme/api/assignees/hubot');
  await hit('PATCH', `/repos/acme/api/issues/${issue.number}`, { state: 'closed', state_reason: 'completed' });
  const comment = (await hit('POST', `/repos/acme/api/issues/${issue.number}/comments`, { body: 'rotated' })) as { id: number };
  await hit('GET', `/repos/acme/api/issues/${issue.number}/comments`);
  await hit('GET', `/repos/acme/api/issues/comments/${comment.id}`);
  await hit('PATCH', `/repos/acme/api/issues/comments/${comment.id}`, { body: 'rotated twice' });
  await hit('POST', '/repos/acme/api/labels', { name: 'stale-key', color: 'd73a4a', description: 'A key is due' });
  await hit('GET', '/repos/acme/api/labels');
  await hit('GET', '/repos/acme/api/labels/stale-key');
  await hit('POST', `/repos/acme/api/issues/${issue.number}/labels`, { labels: ['stale-key'] });
  await hit('DELETE', `/repos/acme/api/issues/${issue.number}/labels/stale-key`);
  const run = (await hit('POST', '/repos/acme/service/check-runs', { name: 'key-hygiene', head_sha: first, status: 'in_progress' })) as { id: number };
  await hit('PATCH', `/repos/acme/service/check-runs/${run.id}`, { conclusion: 'success', output: { title: 'clean', summary: 'no keys' } });
  await hit('GET', `/repos/acme/service/check-runs/${run.id}`);
  await hit('GET', `/repos/acme/service/commits/${first}/check-runs?check_name=key-hygiene`);
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

const served = (): string[] => world.gh.routes.map((route) => `${route.method} ${route.path}`);

describe('OpenAPI conformance', () => {
  it('serves only operations that exist in GitHub\'s description, and the subset lists exactly those', () => {
    const inSubset = Object.entries(subset.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
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
      if (!documented(method, path, sample.status)) {
        // Success statuses must be documented; error statuses may come from GitHub's generic set.
        if (sample.status < 400) failures.push(`${sample.route} → ${sample.status} is not a documented status`);
        continue;
      }
      const errors = validateResponse(method, path, sample.status, sample.body);
      if (errors) failures.push(`${sample.route} → ${sample.status}:\n${errors}`);
    }
    expect(failures).toEqual([]);
    expect(samples.length).toBeGreaterThanOrEqual(served().length);
  });
});

describe('the validator', () => {
  it('rejects a body that breaks the schema, so the check above is not vacuous', () => {
    const path = '/repos/{owner}/{repo}/actions/secrets';
    expect(validateResponse('GET', path, 200, { total_count: 1, secrets: [{ name: 'A', created_at: 'yesterday' }] })).toMatch(/updated_at|date-time/);
    expect(validateResponse('GET', path, 200, { total_count: 0, secrets: [] })).toBeNull();
  });
});
