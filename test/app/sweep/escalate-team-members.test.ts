import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import {
  startGitHubEmulator,
  type AppRecord,
  type GitHubEmulator,
  type IssueRecord,
  type Permissions,
} from '../../support/github-emulator/index.js';
import { DAY, TestOctokit } from '../support/app-world.js';

// A team mention written by an App may notify nobody (the team needs access to the repository, and
// App mentions of teams have a history of not notifying: README, "Who gets notified"). So the sweep
// assigns the issue to the people behind the mentions — CODEOWNERS' and the policy's teams read
// through the team-members API, users named directly — and keeps the mention in the text.

const FULL = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  issues: 'write',
  contents: 'read',
  metadata: 'read',
  members: 'read',
} as const;
const ESCALATING = 'escalate-after: 14d\nescalate-to: ["@acme/security"]\n';

interface World {
  gh: GitHubEmulator;
  app: AppRecord;
}

/** An org whose installation has `permissions`; each repository holds one key overdue by 30 days (past `escalate-after`). */
async function createWorld(permissions: Permissions): Promise<World> {
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...FULL } });
  gh.seed.repo({ fullName: 'acme/.github' });
  gh.seed.repo({
    fullName: 'acme/pay',
    files: { '.github/key-hygiene.yml': ESCALATING, '.github/CODEOWNERS': '* @acme/payments @mona\n' },
  });
  gh.seed.repo({
    fullName: 'acme/shop',
    files: { '.github/key-hygiene.yml': ESCALATING, '.github/CODEOWNERS': '* @acme/payments\n' },
  });
  gh.seed.repo({
    fullName: 'acme/big',
    files: { '.github/key-hygiene.yml': 'escalate-after: 90d\n', '.github/CODEOWNERS': '* @acme/platform\n' },
  });
  gh.seed.collaborator('acme/pay', 'mona', 'write');
  gh.seed.team({ org: 'acme', slug: 'payments', members: ['paula', 'pete'], repos: { pay: 'write', shop: 'write' } });
  gh.seed.team({ org: 'acme', slug: 'security', members: ['sam', 'sue'], repos: { pay: 'read', shop: 'read' } });
  // 14 members, of whom the first two cannot be assigned in acme/big (no access to it).
  const platform = Array.from({ length: 14 }, (_, i) => `dev${String(i).padStart(2, '0')}`);
  gh.seed.team({ org: 'acme', slug: 'platform', members: platform });
  platform.slice(2).forEach((login) => gh.seed.collaborator('acme/big', login, 'write'));
  gh.seed.installation({ account: 'acme', permissions: { ...permissions } });
  const old = new Date(gh.clock.now().getTime() - 120 * DAY);
  for (const repo of ['pay', 'shop', 'big'])
    gh.seed.secret({ scope: 'repo', repo: `acme/${repo}`, name: 'OPENAI_API_KEY', updatedAt: old });
  return { gh, app };
}

/** `key-hygiene-app sweep --once`, the way the CLI runs it; its exit code and what it printed. */
async function sweepOnce({ gh, app }: World): Promise<{ code: number; out: string }> {
  const out: string[] = [];
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
  const code = await main(['sweep', '--once'], env, io);
  return { code, out: out.join('') };
}

const keyIssue = (gh: GitHubEmulator, repo: string): IssueRecord =>
  gh.store.issues.find((i) => i.repoId === gh.store.repo('acme', repo)!.id && parseKeyMarker(i.body) !== undefined)!;
const dashboard = (gh: GitHubEmulator, repo: string) =>
  gh.store.issues.find((i) => i.repoId === gh.store.repo('acme', repo)!.id && i.title === 'Key hygiene dashboard');
const escalation = (gh: GitHubEmulator, issue: IssueRecord) =>
  gh.store.commentsOf(issue.repoId, issue.number).find((c) => parseCommentMarker(c.body)?.kind === 'escalation');
const membersRead = (gh: GitHubEmulator, team: string) =>
  gh.log.entries.filter((e) => e.path.startsWith(`/orgs/acme/teams/${team}/members`)).length;

describe('sweep --once assigns the people behind team mentions', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(FULL);
  });
  afterAll(() => world.gh.close());

  it("assigns the key issue to CODEOWNERS' users and team members, and still mentions the team", async () => {
    const { gh } = world;
    const first = await sweepOnce(world);
    expect(first.code).toBe(0);
    const pay = keyIssue(gh, 'pay');
    expect(pay.body).toContain('@acme/payments');
    expect(pay.body).toContain('@mona');
    expect(pay.assignees).toEqual(['mona', 'paula', 'pete']);
    expect(keyIssue(gh, 'shop').assignees).toEqual(['paula', 'pete']);
    // One list per team for the whole sweep, not one per repository.
    expect(membersRead(gh, 'payments')).toBe(1);
  });

  it('escalation assigns the escalate-to team members too, beside the owners, and mentions the team', async () => {
    const { gh } = world;
    gh.log.clear();
    expect((await sweepOnce(world)).code).toBe(0);
    const pay = keyIssue(gh, 'pay');
    expect(escalation(gh, pay)!.body).toMatch(/^@acme\/security: escalating/);
    expect(pay.labels).toContain('escalated');
    expect(pay.assignees).toEqual(['mona', 'paula', 'pete', 'sam', 'sue']);
    expect(keyIssue(gh, 'shop').assignees).toEqual(['paula', 'pete', 'sam', 'sue']);
    expect(membersRead(gh, 'security')).toBe(1);
  });

  it("caps the assignees at GitHub's 10, the first who can be assigned, and says in the issue that the team has more members", () => {
    const big = keyIssue(world.gh, 'big');
    expect(big.assignees).toEqual(Array.from({ length: 10 }, (_, i) => `dev${String(i + 2).padStart(2, '0')}`));
    expect(big.body).toContain('@acme/platform');
    expect(big.body).toMatch(
      /GitHub allows 10 assignees per issue: the first 10 who can be assigned are; `@acme\/platform` has 14 members\./,
    );
  });
});

describe('sweep --once reminding an issue nobody is assigned to', () => {
  it('assigns its owners with the reminder (an issue opened before owners were assigned, or unassigned since)', async () => {
    const world = await createWorld(FULL);
    try {
      const { gh } = world;
      expect((await sweepOnce(world)).code).toBe(0);
      const big = keyIssue(gh, 'big');
      big.assignees = [];
      gh.clock.advance(3 * DAY + 60_000);
      expect((await sweepOnce(world)).code).toBe(0);
      const kinds = gh.store.commentsOf(big.repoId, big.number).map((c) => parseCommentMarker(c.body)?.kind);
      expect(kinds).toEqual(['reminder']);
      expect(big.assignees).toHaveLength(10);
      expect(gh.store.commentsOf(big.repoId, big.number)[0]!.body).toContain('`@acme/platform` has 14 members');
    } finally {
      await world.gh.close();
    }
  });
});

describe('sweep --once when a team cannot be read', () => {
  it('without Members read: the team is mentioned only, nobody assigned for it, the dashboard says so, the sweep succeeds', async () => {
    const { members: _dropped, ...withoutMembers } = FULL;
    const world = await createWorld(withoutMembers);
    try {
      const { gh } = world;
      const swept = await sweepOnce(world);
      expect(swept.out).toMatch(/^key-hygiene-app: swept \d+ repositories in 1 installations, \d+ applied actions\n$/);
      expect(swept.code).toBe(0);
      const pay = keyIssue(gh, 'pay');
      expect(pay.body).toContain('@acme/payments');
      // Users named directly are still assigned.
      expect(pay.assignees).toEqual(['mona']);
      expect(keyIssue(gh, 'shop').assignees).toEqual([]);
      expect(dashboard(gh, 'shop')!.body).toMatch(
        /## Teams mentioned only[\s\S]*`@acme\/payments`: 403 forbidden \(needs the `members=read` permission\)/,
      );
      // Tried once in the sweep, not once per repository.
      expect(membersRead(gh, 'payments')).toBe(1);
    } finally {
      await world.gh.close();
    }
  });

  it('a team that does not exist (404) is mentioned only, and the sweep succeeds', async () => {
    const world = await createWorld(FULL);
    try {
      const { gh } = world;
      gh.store.repo('acme', 'shop')!.files.set('.github/CODEOWNERS', '* @acme/nobody-here\n');
      expect((await sweepOnce(world)).code).toBe(0);
      const shop = keyIssue(gh, 'shop');
      expect(shop.body).toContain('@acme/nobody-here');
      expect(shop.assignees).toEqual([]);
      expect(dashboard(gh, 'shop')!.body).toMatch(/`@acme\/nobody-here`: 404 not found/);
    } finally {
      await world.gh.close();
    }
  });
});
