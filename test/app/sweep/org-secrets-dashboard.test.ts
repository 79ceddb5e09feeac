import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { isDashboard } from '../../../src/tracking/dashboard-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import { buildAppIfStale, startProbotRun, type AppProcess } from '../../support/app-process.js';
import {
  startGitHubEmulator,
  type AppRecord,
  type GitHubEmulator,
  type InstallationRecord,
  type IssueRecord,
} from '../../support/github-emulator/index.js';
import { DAY, SWEEP_READ_PERMISSIONS as PERMISSIONS, TestOctokit } from '../support/app-world.js';

// The organisation's own secrets are swept once per organisation and their issues open in its
// `org-secrets-repo` (acme/.github by default): that repository's dashboard lists them, with their
// visibility, in a section of its own next to the repository's own keys — and says why when the
// App could not read them, instead of "No keys tracked yet".

const BOT = 'key-hygiene[bot]';

interface World {
  gh: GitHubEmulator;
  app: AppRecord;
  installation: InstallationRecord;
}

/** acme/.github (no config, one stale key of its own), acme/web and acme/worker, and three org secrets. */
function createWorld(gh: GitHubEmulator, permissions: Record<string, 'read' | 'write'>): World {
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...permissions } });
  gh.seed.repo({ fullName: 'acme/.github' });
  // wendy ticks "Re-check now", which needs write access.
  gh.seed.collaborator('acme/.github', 'wendy', 'write');
  gh.seed.repo({ fullName: 'acme/web' });
  gh.seed.repo({ fullName: 'acme/worker', visibility: 'public' });
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...permissions } });
  const ago = (days: number) => new Date(gh.clock.now().getTime() - days * DAY);
  gh.seed.secret({ scope: 'repo', repo: 'acme/.github', name: 'RELEASE_TOKEN', updatedAt: ago(100) });
  gh.seed.secret({
    scope: 'org',
    org: 'acme',
    name: 'SLACK_BOT_TOKEN',
    visibility: 'selected',
    selectedRepos: ['web', 'worker'],
    updatedAt: ago(97),
  });
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'NPM_TOKEN', visibility: 'private', updatedAt: ago(5) });
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'SENTRY_AUTH_TOKEN', visibility: 'all', updatedAt: ago(80) });
  return { gh, app, installation };
}

async function sweepOnce(world: World): Promise<string> {
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
  return out.join('');
}

const repoId = (gh: GitHubEmulator, name: string) => gh.store.repo('acme', name)!.id;
const issuesOf = (gh: GitHubEmulator, name: string): IssueRecord[] =>
  gh.store.issues.filter((i) => i.repoId === repoId(gh, name));
const dashboardOf = (gh: GitHubEmulator, name: string) =>
  issuesOf(gh, name).find((i) => i.state === 'open' && isDashboard(i.body ?? ''))!;
const issueFor = (gh: GitHubEmulator, secret: string) =>
  gh.store.issues.find((i) => i.state === 'open' && parseKeyMarker(i.body)?.secret === secret)!;
/** The section from its heading to the next heading or the end. */
const section = (body: string, heading: string) =>
  body.slice(body.indexOf(heading)).split(/\n## /)[0]!.split('\n<!--')[0]!;
const written = (gh: GitHubEmulator) =>
  gh.store.issues.map((i) => `${i.number}:${i.state}:${i.labels.join(',')}:${i.body}`);

describe("the org-secrets repository's dashboard lists the organisation secrets", () => {
  let world: World;
  beforeAll(async () => {
    world = createWorld(await startGitHubEmulator(), PERMISSIONS);
    await sweepOnce(world);
  });
  afterAll(() => world.gh.close());

  it("opens the stale org secret's issue in acme/.github and lists every tracked org secret there, with its visibility", () => {
    const { gh } = world;
    const slack = issueFor(gh, 'SLACK_BOT_TOKEN');
    expect(slack.repoId).toBe(repoId(gh, '.github'));
    expect(parseKeyMarker(slack.body)).toMatchObject({ key: 'acme|org|*|slack_bot_token|rotate', state: 'overdue' });

    const body = dashboardOf(gh, '.github').body!;
    expect(body).not.toContain('No keys tracked yet');
    const org = section(body, '## Organisation secrets');
    expect(org.split('\n').filter((l) => l.startsWith('| `'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\| \`SLACK_BOT_TOKEN\` \\| selected \\(2 repositories\\) \\| \\d{4}-\\d\\d-\\d\\d \\| \\d{4}-\\d\\d-\\d\\d \\| 🔴 overdue \\| #${slack.number} \\|$`,
        ),
      ),
      expect.stringMatching(/^\| `SENTRY_AUTH_TOKEN` \| all \| [\d-]+ \| [\d-]+ \| 🟡 due soon \| #\d+ \|$/),
      expect.stringMatching(/^\| `NPM_TOKEN` \| private \| [\d-]+ \| [\d-]+ \| 🟢 ok \| — \|$/),
    ]);
    expect(org).toMatch(/^## Organisation secrets \(3\)/);
  });

  it("keeps the repository's own keys in their own section, and no other repository lists the org secrets", () => {
    const { gh } = world;
    const own = section(dashboardOf(gh, '.github').body!, '## Tracked keys');
    expect(own).toMatch(
      new RegExp(
        `\\| \`RELEASE_TOKEN\` \\| repo \\| — \\| [\\d-]+ \\| [\\d-]+ \\| 🔴 overdue \\| #${issueFor(gh, 'RELEASE_TOKEN').number} \\|`,
      ),
    );
    expect(own).not.toContain('SLACK_BOT_TOKEN');
    for (const name of ['web', 'worker']) expect(dashboardOf(gh, name).body).not.toContain('Organisation secrets');
  });

  it('a second sweep changes nothing', async () => {
    const before = written(world.gh);
    await sweepOnce(world);
    expect(written(world.gh)).toEqual(before);
  });

  it('"Re-check now" ticked on that dashboard, answered by another process (`probot run`), keeps the org secrets listed', async () => {
    buildAppIfStale();
    const { gh, app, installation } = world;
    const server: AppProcess & { url: string } = await startProbotRun({
      APP_ID: String(app.id),
      PRIVATE_KEY: app.privateKey,
      WEBHOOK_SECRET: app.webhookSecret,
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'warn',
    });
    try {
      const dashboard = dashboardOf(gh, '.github');
      const before = dashboard.body!;
      dashboard.body = before.replace('- [ ] <!-- key-hygiene:recheck -->', '- [x] <!-- key-hygiene:recheck -->');
      const payload = {
        installation: { id: installation.id },
        repository: { name: '.github', full_name: 'acme/.github', owner: { login: 'acme', type: 'Organization' } },
        issue: { number: dashboard.number, body: dashboard.body, user: { login: BOT, type: 'Bot' } },
        sender: { login: 'wendy', type: 'User' },
      };
      expect((await gh.deliver({ url: server.url, event: 'issues', action: 'edited', payload })).status).toBe(200);
      const after = dashboardOf(gh, '.github').body!;
      expect(after).toContain('- [ ] <!-- key-hygiene:recheck -->');
      expect(after).toContain('## Organisation secrets (3)');
      expect(section(after, '## Organisation secrets')).toBe(section(before, '## Organisation secrets'));
      expect(section(after, '## Tracked keys')).toBe(section(before, '## Tracked keys'));
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe("the org-secrets repository's dashboard when the App cannot read the organisation secrets", () => {
  it('says why in the organisation section, not "No keys tracked yet"', async () => {
    const { organization_secrets: _, ...without } = PERMISSIONS;
    const world = createWorld(await startGitHubEmulator(), without);
    try {
      await sweepOnce(world);
      const body = dashboardOf(world.gh, '.github').body!;
      expect(body).not.toContain('No keys tracked yet');
      const org = section(body, '## Organisation secrets');
      expect(org).toContain(
        "could not read acme's secrets: 403 forbidden (needs the `organization_secrets=read` permission)",
      );
      expect(section(body, '## Tracked keys')).toContain('`RELEASE_TOKEN`');
      // The other repositories still say so in their skipped list.
      expect(dashboardOf(world.gh, 'web').body).toMatch(
        /organisation secrets of acme \(tracked in acme\/\.github\): 403 forbidden/,
      );
    } finally {
      await world.gh.close();
    }
  });
});
