import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from './fixture.js';

let world: World;
const day = (n: number): Date => new Date(Date.UTC(2026, 0, n));

beforeAll(async () => {
  world = await createWorld();
  const { seed } = world.gh;
  seed.environment({
    repo: 'acme/api',
    name: 'production/eu',
    waitTimer: 10,
    reviewers: ['mona'],
    branchPolicy: { protectedBranches: true, customBranchPolicies: false },
  });
  seed.environment({ repo: 'acme/api', name: 'staging' });
  seed.secret({ scope: 'repo', repo: 'acme/api', name: 'openai_api_key', createdAt: day(1), updatedAt: day(20) });
  seed.secret({
    scope: 'environment',
    repo: 'acme/api',
    environment: 'production/eu',
    name: 'OPENAI_API_KEY',
    createdAt: day(2),
  });
  seed.secret({ scope: 'org', org: 'acme', name: 'EVERYWHERE', visibility: 'all' });
  seed.secret({ scope: 'org', org: 'acme', name: 'PRIVATE_ONLY', visibility: 'private' });
  seed.secret({ scope: 'org', org: 'acme', name: 'WEB_ONLY', visibility: 'selected', selectedRepos: ['web'] });
  seed.secret({ scope: 'dependabot-repo', repo: 'acme/api', name: 'NPM_TOKEN' });
  seed.file('acme/api', '.github/key-hygiene.yml', 'rotation:\n  maxAgeDays: 90\n');
  seed.file('acme/.github', '.github/key-hygiene.yml', 'rotation:\n  maxAgeDays: 30\n');
  seed.collaborator('acme/api', 'mona', 'maintain');
  seed.team({ org: 'acme', slug: 'sec', members: ['hubot'], repos: { api: 'admin' } });
});
afterAll(() => world.gh.close());

const json = async <T>(path: string): Promise<T> => (await (await world.call(path)).json()) as T;

describe('secret metadata', () => {
  it('lists repo secrets with the seeded timestamps (names upper-cased, as GitHub stores them)', async () => {
    expect(await json('/repos/acme/api/actions/secrets')).toEqual({
      total_count: 1,
      secrets: [{ name: 'OPENAI_API_KEY', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-20T00:00:00Z' }],
    });
  });

  it('shows a repository only the org secrets its visibility allows, without visibility', async () => {
    const api = await json<{ secrets: Array<{ name: string; visibility?: string }> }>(
      '/repos/acme/api/actions/organization-secrets',
    );
    expect(api.secrets.map((s) => s.name)).toEqual(['EVERYWHERE', 'PRIVATE_ONLY']);
    expect(api.secrets[0]).not.toHaveProperty('visibility');
    const web = await json<{ secrets: Array<{ name: string }> }>('/repos/acme/web/actions/organization-secrets');
    expect(web.secrets.map((s) => s.name)).toEqual(['EVERYWHERE', 'WEB_ONLY']);
  });

  it('lists org secrets with visibility and the repositories selected for one', async () => {
    const org = await json<{
      secrets: Array<{ name: string; visibility: string; selected_repositories_url?: string }>;
    }>('/orgs/acme/actions/secrets');
    expect(org.secrets.map((s) => [s.name, s.visibility])).toEqual([
      ['EVERYWHERE', 'all'],
      ['PRIVATE_ONLY', 'private'],
      ['WEB_ONLY', 'selected'],
    ]);
    expect(org.secrets[2]?.selected_repositories_url).toBe(
      `${world.gh.url}/orgs/acme/actions/secrets/WEB_ONLY/repositories`,
    );
    const selected = await json<{ repositories: Array<{ full_name: string }> }>(
      '/orgs/acme/actions/secrets/WEB_ONLY/repositories',
    );
    expect(selected.repositories.map((r) => r.full_name)).toEqual(['acme/web']);
  });

  it('reads environment secrets through a URL-encoded environment name', async () => {
    const env = await json<{ secrets: Array<{ name: string }> }>(
      `/repos/acme/api/environments/${encodeURIComponent('production/eu')}/secrets`,
    );
    expect(env.secrets.map((s) => s.name)).toEqual(['OPENAI_API_KEY']);
    expect((await world.call('/repos/acme/api/environments/nope/secrets')).status).toBe(404);
    expect((await json<{ secrets: unknown[] }>('/repos/acme/api/dependabot/secrets')).secrets).toHaveLength(1);
  });

  it('lists environments with their protection rules', async () => {
    const { environments } = await json<{
      environments: Array<{
        name: string;
        protection_rules: Array<{
          type: string;
          wait_timer?: number;
          reviewers?: Array<{ reviewer: { login: string } }>;
        }>;
        deployment_branch_policy: unknown;
      }>;
    }>('/repos/acme/api/environments');
    expect(environments.map((e) => e.name)).toEqual(['production/eu', 'staging']);
    const prod = environments[0];
    expect(prod?.protection_rules.map((r) => r.type)).toEqual(['wait_timer', 'required_reviewers', 'branch_policy']);
    expect(prod?.protection_rules[1]?.reviewers?.[0]?.reviewer.login).toBe('mona');
    expect(prod?.deployment_branch_policy).toEqual({ protected_branches: true, custom_branch_policies: false });
    expect(environments[1]?.protection_rules).toEqual([]);
  });
});

describe('collaborator permissions', () => {
  it('reports direct, team and missing roles with the legacy permission field', async () => {
    expect(await json('/repos/acme/api/collaborators/mona/permission')).toMatchObject({
      permission: 'write',
      role_name: 'maintain',
    });
    expect(await json('/repos/acme/api/collaborators/hubot/permission')).toMatchObject({
      permission: 'admin',
      role_name: 'admin',
    });
    world.gh.seed.user('stranger');
    expect(await json('/repos/acme/api/collaborators/stranger/permission')).toMatchObject({ permission: 'none' });
  });
});

describe('contents on the default branch', () => {
  it('returns files base64-encoded in 60-character lines, or raw on request', async () => {
    const file = await json<{ content: string; encoding: string; sha: string }>(
      '/repos/acme/api/contents/.github/key-hygiene.yml',
    );
    expect(file.encoding).toBe('base64');
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe('rotation:\n  maxAgeDays: 90\n');
    expect(file.content.split('\n').every((line) => line.length <= 60)).toBe(true);
    const raw = await world.call('/repos/acme/api/contents/.github/key-hygiene.yml', {
      headers: { accept: 'application/vnd.github.raw' },
    });
    expect(await raw.text()).toBe('rotation:\n  maxAgeDays: 90\n');
  });

  it('answers 404 for a missing file so a client falls back to the org .github repository', async () => {
    const octokit = world.octokit();
    const read = async (repo: string) => {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: 'acme',
        repo,
        path: '.github/key-hygiene.yml',
        mediaType: { format: 'raw' },
      });
      return data as unknown as string;
    };
    await expect(read('web')).rejects.toMatchObject({ status: 404 });
    expect(await read('.github')).toBe('rotation:\n  maxAgeDays: 30\n');
    expect((await world.call('/repos/acme/api/contents/.github/key-hygiene.yml?ref=other-branch')).status).toBe(404);
  });
});
