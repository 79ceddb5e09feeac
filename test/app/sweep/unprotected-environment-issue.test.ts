import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import {
  startGitHubEmulator,
  type AppRecord,
  type GitHubEmulator,
  type IssueRecord,
} from '../../support/github-emulator/index.js';
import { DAY, TestOctokit } from '../support/app-world.js';

// A production-like environment any branch can deploy to is an error: any branch's job can read its
// secrets. The App's sweep tracks it as it tracks a shared key — an issue of its own, its owners
// (CODEOWNERS here: the policy names owners per key, not per environment) mentioned and assigned —
// and closes that issue once the environment is protected.

const PERMISSIONS = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  issues: 'write',
  contents: 'read',
  metadata: 'read',
  members: 'read',
} as const;

interface World {
  gh: GitHubEmulator;
  app: AppRecord;
}

/** acme/api: no policy file (`production-environments` defaults to `^prod`), an ungated `production`, a gated `prod-eu`, an ungated `staging`. */
async function createWorld(): Promise<World> {
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
  gh.seed.repo({ fullName: 'acme/api', files: { '.github/CODEOWNERS': '* @acme/platform @mona\n' } });
  gh.seed.collaborator('acme/api', 'mona', 'write');
  gh.seed.team({ org: 'acme', slug: 'platform', members: ['paula', 'pete'], repos: { api: 'write' } });
  gh.seed.environment({ repo: 'acme/api', name: 'production' });
  gh.seed.environment({
    repo: 'acme/api',
    name: 'prod-eu',
    branchPolicy: { protectedBranches: true, customBranchPolicies: false },
  });
  gh.seed.environment({ repo: 'acme/api', name: 'staging' });
  gh.seed.secret({
    scope: 'environment',
    repo: 'acme/api',
    environment: 'production',
    name: 'OPENAI_API_KEY',
    updatedAt: new Date(gh.clock.now().getTime() - 5 * DAY),
  });
  gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
  return { gh, app };
}

async function sweepOnce(
  { gh, app }: World,
  extra: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const env = {
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
    ...extra,
  };
  const io = {
    out: { write: (t: string) => out.push(t) },
    err: { write: (t: string) => out.push(t) },
    now: () => gh.clock.now(),
    Octokit: TestOctokit,
  };
  const code = await main(['sweep', '--once'], env, io);
  return { code, out: out.join('') };
}

const KEY = 'acme/api|environment|production|*|unprotected';
const issuesOf = (gh: GitHubEmulator): IssueRecord[] =>
  gh.store.issues.filter((i) => i.repoId === gh.store.repo('acme', 'api')!.id);
const environmentIssues = (gh: GitHubEmulator): IssueRecord[] =>
  issuesOf(gh).filter((i) => parseKeyMarker(i.body)?.key === KEY);
const dashboard = (gh: GitHubEmulator) => issuesOf(gh).find((i) => i.title === 'Key hygiene dashboard');

describe('sweep --once and an unprotected production environment', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.gh.close());

  it('opens one issue for it, labelled, with its owners mentioned and assigned, and links it from the dashboard', async () => {
    const { gh } = world;
    const swept = await sweepOnce(world);
    expect(swept.code, swept.out).toBe(0);
    const [issue, ...more] = environmentIssues(gh);
    expect(more).toEqual([]);
    expect(issue!.state).toBe('open');
    expect(issue!.title).toBe(
      'Protect the production environment production: any branch can deploy to it and read its secrets',
    );
    expect(issue!.labels).toEqual(expect.arrayContaining(['key-hygiene', 'unprotected-environment']));
    expect(issue!.body).toContain('@acme/platform @mona');
    expect(issue!.body).toContain('**Deployment branches and tags**');
    expect(issue!.assignees).toEqual(['mona', 'paula', 'pete']);
    // Only `production`: `prod-eu` has a branch policy, `staging` does not look like production.
    expect(issuesOf(gh).filter((i) => i.labels.includes('unprotected-environment'))).toHaveLength(1);
    expect(dashboard(gh)!.body).toContain(`- \`production\` — #${issue!.number}`);
    // A claim label lives only while the issue is opened.
    expect(
      gh.store.labelsOf(gh.store.repo('acme', 'api')!.id).filter((l) => l.name.startsWith('key-hygiene-claim-')),
    ).toEqual([]);
  });

  it('a second sweep at once opens no twin and posts nothing', async () => {
    const { gh } = world;
    const before = issuesOf(gh).length;
    expect((await sweepOnce(world)).code).toBe(0);
    expect(issuesOf(gh)).toHaveLength(before);
    const issue = environmentIssues(gh)[0]!;
    expect(gh.store.commentsOf(issue.repoId, issue.number)).toEqual([]);
  });

  it('closes the issue with a comment once the environment gets required reviewers', async () => {
    const { gh } = world;
    gh.clock.advance(DAY);
    const env = gh.store.environments.find(
      (e) => e.repoId === gh.store.repo('acme', 'api')!.id && e.name === 'production',
    )!;
    env.reviewers = ['mona'];
    env.updatedAt = gh.clock.now();
    expect((await sweepOnce(world)).code).toBe(0);
    const [issue] = environmentIssues(gh);
    expect(issue!.state).toBe('closed');
    expect(issue!.stateReason).toBe('completed');
    const comments = gh.store.commentsOf(issue!.repoId, issue!.number);
    expect(comments.map((c) => parseCommentMarker(c.body)?.kind)).toEqual(['resolved']);
    expect(comments[0]!.body).toMatch(/^The environment `production` is protected now/);
    expect(dashboard(gh)!.body).not.toContain('Production-like environments without protection');
  });
});

describe('sweep --once in dry-run', () => {
  it('opens no issue for an unprotected environment', async () => {
    const world = await createWorld();
    try {
      expect((await sweepOnce(world, { KEY_HYGIENE_DRY_RUN: 'true' })).code).toBe(0);
      expect(issuesOf(world.gh)).toEqual([]);
    } finally {
      await world.gh.close();
    }
  });
});
