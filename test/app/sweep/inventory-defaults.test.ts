import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { defaultSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import {
  startGitHubEmulator,
  type AppRecord,
  type GitHubEmulator,
  type IssueRecord,
} from '../../support/github-emulator/index.js';
import {
  DAY,
  SWEEP_READ_PERMISSIONS as PERMISSIONS,
  startApp,
  TestOctokit,
  type RunningApp,
} from '../support/app-world.js';

// Stale keys are overdue by less than `escalate-after` (14d), so a second sweep has nothing to escalate.
// Default policy and sweep, end to end: with no config at all, every key-like secret gets the
// default rotation (90d, reminded 14d before) wherever it lives — repository, Dependabot — and the
// organisation's own secrets are judged once per sweep, in acme/.github, never by each repository.

const BOT = 'key-hygiene[bot]';

interface World {
  gh: GitHubEmulator;
  app: AppRecord;
  running: RunningApp;
}

/** acme/.github, acme/web (no config; stale, fresh and Dependabot keys), acme/worker, and one stale org secret. */
async function createWorld(options: { withOrgRepo: boolean }): Promise<World> {
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
  gh.seed.repo({ fullName: 'acme/.github' });
  gh.seed.repo({ fullName: 'acme/web' });
  gh.seed.repo({ fullName: 'acme/worker' });
  const repositories = options.withOrgRepo ? ['.github', 'web', 'worker'] : ['web', 'worker'];
  gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS }, repositories });
  const ago = (days: number) => new Date(gh.clock.now().getTime() - days * DAY);
  gh.seed.secret({ scope: 'repo', repo: 'acme/web', name: 'OPENAI_API_KEY', updatedAt: ago(100) });
  gh.seed.secret({ scope: 'repo', repo: 'acme/web', name: 'DEPLOY_TOKEN', updatedAt: ago(5) });
  gh.seed.secret({ scope: 'repo', repo: 'acme/web', name: 'NODE_ENV_NAME', updatedAt: ago(400) });
  gh.seed.secret({ scope: 'dependabot-repo', repo: 'acme/web', name: 'NPM_TOKEN', updatedAt: ago(95) });
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'SLACK_BOT_TOKEN', visibility: 'all', updatedAt: ago(97) });
  return { gh, app, running: await startApp(gh, app) };
}

async function closeWorld(world: World): Promise<void> {
  await world.running.close();
  await world.gh.close();
}

const repoId = (world: World, name: string) => world.gh.store.repo('acme', name)!.id;
const issuesOf = (world: World, name: string): IssueRecord[] =>
  world.gh.store.issues.filter((i) => i.repoId === repoId(world, name));
const keyIssuesOf = (world: World, name: string) =>
  issuesOf(world, name).filter((i) => parseKeyMarker(i.body) !== undefined);
const dashboardOf = (world: World, name: string) =>
  issuesOf(world, name).find((i) => i.title === 'Key hygiene dashboard');
const written = (world: World) => ({
  issues: world.gh.store.issues.map((i) => `${i.number}:${i.state}:${i.labels.join(',')}:${i.body}`),
  comments: world.gh.store.comments.length,
});

describe('no config: default rotation for key-like secrets, organisation secrets once', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({ withOrgRepo: true });
  });
  afterAll(() => closeWorld(world));

  it('sweep --once opens issues for the stale repository and Dependabot keys only', async () => {
    const out: string[] = [];
    const { gh, app } = world;
    const env = {
      APP_ID: String(app.id),
      PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
    };
    const io = {
      out: { write: (t: string) => out.push(t) },
      err: { write: (t: string) => out.push(t) },
      now: () => gh.clock.now(),
      Octokit: TestOctokit,
    };
    expect(await main(['sweep', '--once'], env, io)).toBe(0);
    expect(out.join('')).toMatch(/^key-hygiene-app: swept 3 repositories in 1 installations, \d+ applied actions\n$/);

    const web = keyIssuesOf(world, 'web').map((i) => parseKeyMarker(i.body)!);
    expect(web.map((m) => [m.secret, m.scope, m.state]).sort()).toEqual([
      ['NPM_TOKEN', 'dependabot', 'overdue'],
      ['OPENAI_API_KEY', 'repo', 'overdue'],
    ]);
    expect(
      keyIssuesOf(world, 'web').every((i) => i.user === BOT && i.state === 'open' && i.labels.includes('overdue')),
    ).toBe(true);
    expect(keyIssuesOf(world, 'web').find((i) => parseKeyMarker(i.body)!.secret === 'NPM_TOKEN')!.title).toMatch(
      /^Rotate NPM_TOKEN \(Dependabot secret\)/,
    );
    // The fresh token and a name that does not look like a key are on no issue; the fresh one is on the dashboard.
    const dashboard = dashboardOf(world, 'web')!.body!;
    expect(dashboard).toMatch(/`DEPLOY_TOKEN` \| repo \| — \| [0-9-]+ \| [0-9-]+ \| 🟢 ok \| — \|/);
    expect(dashboard).not.toContain('NODE_ENV_NAME');
  });

  it('the stale organisation secret gets exactly one issue, in acme/.github, and no repository reports it', () => {
    const org = world.gh.store.issues.filter((i) => parseKeyMarker(i.body)?.secret === 'SLACK_BOT_TOKEN');
    expect(org).toHaveLength(1);
    expect(org[0]!.repoId).toBe(repoId(world, '.github'));
    expect(parseKeyMarker(org[0]!.body)).toMatchObject({
      key: 'acme|org|*|slack_bot_token|rotate',
      scope: 'org',
      state: 'overdue',
    });
    expect(org[0]!.title).toMatch(/^Rotate SLACK_BOT_TOKEN \(organisation secret\)/);
    expect(keyIssuesOf(world, 'worker')).toEqual([]);
    expect(keyIssuesOf(world, '.github')).toHaveLength(1);
    expect(dashboardOf(world, 'worker')).toBeDefined();
    expect(world.gh.store.issues.map((i) => i.body).join('\n')).not.toMatch(/sk-|T3BlbkFJ/);
  });

  it('a second sweep changes nothing', async () => {
    const before = written(world);
    const result = await sweepAll(world.running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () =>
      world.gh.clock.now(),
    );
    expect(result.failed).toEqual([]);
    expect(result.results[0]!.actions).toEqual([]);
    expect(written(world)).toEqual(before);
  });

  it('a rotated organisation secret closes its issue at the next sweep', async () => {
    world.gh.seed.secret({
      scope: 'org',
      org: 'acme',
      name: 'SLACK_BOT_TOKEN',
      visibility: 'all',
      updatedAt: world.gh.clock.now(),
    });
    await sweepAll(world.running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => world.gh.clock.now());
    const org = world.gh.store.issues.find((i) => parseKeyMarker(i.body)?.secret === 'SLACK_BOT_TOKEN')!;
    expect(org.state).toBe('closed');
    const before = written(world);
    await sweepAll(world.running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => world.gh.clock.now());
    expect(written(world)).toEqual(before);
  });
});

describe('organisation secrets when the tracking repository is not in the installation', () => {
  it('skips them, says so on every dashboard, and sweeps the repositories all the same', async () => {
    const world = await createWorld({ withOrgRepo: false });
    try {
      const result = await sweepAll(world.running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () =>
        world.gh.clock.now(),
      );
      expect(result.failed).toEqual([]);
      expect(result.results[0]!.swept.sort()).toEqual(['acme/web', 'acme/worker']);
      expect(world.gh.store.issues.filter((i) => parseKeyMarker(i.body)?.secret === 'SLACK_BOT_TOKEN')).toEqual([]);
      for (const name of ['web', 'worker']) {
        expect(dashboardOf(world, name)!.body).toMatch(/organisation secrets of acme \(tracked in acme\/\.github\)/);
      }
      expect(keyIssuesOf(world, 'web')).toHaveLength(2);
    } finally {
      await closeWorld(world);
    }
  });
});
