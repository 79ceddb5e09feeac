import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepoLock } from '../../../app/repo/with-repo-lock.js';
import { isDashboard } from '../../../src/tracking/dashboard-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type {
  AppRecord,
  GitHubEmulator,
  InstallationRecord,
  IssueRecord,
} from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { PERMISSIONS, startAppWith } from '../support/robust-world.js';
import { startGitHubEmulator } from '../../support/github-emulator/index.js';

// Exactly one open issue per key, even with two sweeps running at once — here two app
// processes (two Probot instances, each with its own lock, pacer and caches) sweep the same
// repositories at the same moment; and commands on organisation-secret issues re-check through
// the organisation pass. Signed deliveries through Probot, the emulator's clock.

const BOT = 'key-hygiene[bot]';
const ALL = { ...PERMISSIONS, organization_secrets: 'read' } as const;

async function createWorld(): Promise<{ gh: GitHubEmulator; app: AppRecord; installation: InstallationRecord }> {
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...ALL } });
  gh.seed.repo({ fullName: 'acme/.github' });
  gh.seed.repo({ fullName: 'acme/web' });
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...ALL } });
  const ago = (days: number) => new Date(gh.clock.now().getTime() - days * DAY);
  gh.seed.secret({ scope: 'repo', repo: 'acme/web', name: 'OPENAI_API_KEY', updatedAt: ago(100) });
  gh.seed.secret({ scope: 'repo', repo: 'acme/web', name: 'STRIPE_API_KEY', updatedAt: ago(80) });
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'SLACK_BOT_TOKEN', visibility: 'all', updatedAt: ago(80) });
  gh.seed.collaborator('acme/.github', 'rita', 'read');
  return { gh, app, installation };
}

const open = (gh: GitHubEmulator) => gh.store.issues.filter((i) => i.state === 'open');
const openKeys = (gh: GitHubEmulator) =>
  open(gh)
    .map((i) => parseKeyMarker(i.body)?.key)
    .filter((k) => k !== undefined);
const openDashboards = (gh: GitHubEmulator, name: string) =>
  open(gh).filter((i) => i.repoId === gh.store.repo('acme', name)!.id && isDashboard(i.body));
const written = (gh: GitHubEmulator) => ({
  issues: gh.store.issues.map((i) => `${i.number}:${i.state}:${i.labels.join(',')}:${i.body}`),
  comments: gh.store.comments.length,
});

describe('two app processes sweeping at the same moment', () => {
  it('leave exactly one open issue per key and one open dashboard per repository; the next sweep is a no-op', async () => {
    const { gh, app } = await createWorld();
    const first = await startAppWith(gh, app, { lock: createRepoLock() });
    const second = await startAppWith(gh, app, { lock: createRepoLock() });
    try {
      const results = await Promise.all([first.sweep(), second.sweep()]);
      expect(results.flatMap((r) => r.failed)).toEqual([]);
      const keys = openKeys(gh);
      expect(keys.sort()).toEqual([
        'acme/web|repo|*|openai_api_key|rotate',
        'acme/web|repo|*|stripe_api_key|rotate',
        'acme|org|*|slack_bot_token|rotate',
      ]);
      expect(openDashboards(gh, 'web')).toHaveLength(1);
      expect(openDashboards(gh, '.github')).toHaveLength(1);
      // Each open was claimed first (app/repo/with-issue-claim.ts): no twin was opened, so none was
      // closed and nobody got a second notification; every claim was released.
      expect(gh.store.issues.filter((i) => i.state === 'closed')).toEqual([]);
      expect(gh.store.comments.filter((c) => c.user === BOT)).toEqual([]);
      expect(gh.store.labels.filter((l) => l.name.startsWith('key-hygiene-claim-'))).toEqual([]);

      const before = written(gh);
      const again = await first.sweep();
      expect(again.results[0]!.actions).toEqual([]);
      expect(written(gh)).toEqual(before);
    } finally {
      await first.close();
      await second.close();
      await gh.close();
    }
  });
});

describe('commands on an organisation secret’s issue (in acme/.github)', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  let nextId = 800_000;
  const orgRepoId = () => gh.store.repo('acme', '.github')!.id;
  const orgIssue = (): IssueRecord =>
    gh.store.issues.find(
      (i) => i.repoId === orgRepoId() && parseKeyMarker(i.body)?.key === 'acme|org|*|slack_bot_token|rotate',
    )!;
  const lastBotNote = () =>
    gh.store.comments
      .filter((c) => c.repoId === orgRepoId() && c.issueNumber === orgIssue().number && c.user === BOT)
      .at(-1)!;

  async function command(login: string, body: string) {
    const issue = orgIssue();
    gh.seed.comment({ repo: 'acme/.github', issue: issue.number, body, user: login });
    const payload = {
      installation: { id: installation.id },
      repository: { name: '.github', full_name: 'acme/.github', owner: { login: 'acme', type: 'Organization' } },
      issue: {
        number: issue.number,
        body: issue.body,
        user: { login: BOT, type: 'Bot' },
        labels: issue.labels.map((name) => ({ name })),
      },
      comment: { id: nextId++, body, user: { login, type: 'User' }, performed_via_github_app: null },
      sender: { login, type: 'User' },
    };
    expect((await gh.deliver({ url: running.url, event: 'issue_comment', action: 'created', payload })).status).toBe(
      200,
    );
  }

  beforeAll(async () => {
    ({ gh, app, installation } = await createWorld());
    running = await startAppWith(gh, app);
    expect((await running.sweep()).failed).toEqual([]);
    expect(parseKeyMarker(orgIssue().body)).toMatchObject({ state: 'due-soon' });
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('/status re-checks through the organisation pass: overdue now, relabelled, and says so', async () => {
    // Eleven days on the secret is past due; a restart, as the cached tokens expired on GitHub's clock.
    gh.clock.advance(11 * DAY);
    await running.close();
    running = await startAppWith(gh, app);
    await command('rita', '/status');
    expect(orgIssue().labels).toContain('overdue');
    expect(lastBotNote().body).toMatch(/^Status of `SLACK_BOT_TOKEN`:\n- state: overdue/);
  });

  it('/rotated after the org secret was updated: "rotated on …" and the issue closes', async () => {
    gh.seed.secret({
      scope: 'org',
      org: 'acme',
      name: 'SLACK_BOT_TOKEN',
      visibility: 'all',
      updatedAt: gh.clock.now(),
    });
    await command('rita', '/rotated');
    expect(orgIssue().state).toBe('closed');
    expect(lastBotNote().body).toMatch(/rotated on \d{4}-\d{2}-\d{2}/);
    // The next sweep leaves that issue as it is.
    const notes = () =>
      gh.store.comments.filter((c) => c.repoId === orgRepoId() && c.issueNumber === orgIssue().number).length;
    const before = { body: orgIssue().body, notes: notes() };
    await running.sweep();
    expect({ body: orgIssue().body, notes: notes() }).toEqual(before);
    expect(orgIssue().state).toBe('closed');
  });

  it('/rotated when nothing changed answers with what it sees, not "cannot find"', async () => {
    gh.seed.secret({
      scope: 'org',
      org: 'acme',
      name: 'GITHUB_DEPLOY_TOKEN',
      visibility: 'all',
      updatedAt: new Date(gh.clock.now().getTime() - 120 * DAY),
    });
    await running.sweep();
    const issue = gh.store.issues.find(
      (i) => i.repoId === orgRepoId() && i.state === 'open' && parseKeyMarker(i.body)?.secret === 'GITHUB_DEPLOY_TOKEN',
    )!;
    gh.seed.comment({ repo: 'acme/.github', issue: issue.number, body: '/rotated', user: 'rita' });
    const payload = {
      installation: { id: installation.id },
      repository: { name: '.github', full_name: 'acme/.github', owner: { login: 'acme', type: 'Organization' } },
      issue: {
        number: issue.number,
        body: issue.body,
        user: { login: BOT, type: 'Bot' },
        labels: issue.labels.map((name) => ({ name })),
      },
      comment: {
        id: nextId++,
        body: '/rotated',
        user: { login: 'rita', type: 'User' },
        performed_via_github_app: null,
      },
      sender: { login: 'rita', type: 'User' },
    };
    expect((await gh.deliver({ url: running.url, event: 'issue_comment', action: 'created', payload })).status).toBe(
      200,
    );
    const reply = gh.store.comments
      .filter((c) => c.repoId === orgRepoId() && c.issueNumber === issue.number && c.user === BOT)
      .at(-1)!;
    expect(reply.body).toMatch(/^I re-checked: `GITHUB_DEPLOY_TOKEN` still has `updated_at`/);
  });
});
