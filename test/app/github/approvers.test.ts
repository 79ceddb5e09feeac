import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type {
  AppRecord,
  GitHubEmulator,
  InstallationRecord,
  IssueRecord,
} from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { createBareWorld, startAppWith } from '../support/robust-world.js';

// `approvers` may change how a key is tracked without write access: a team through the
// team-membership API, a login compared without regard to case. Signed deliveries through Probot.
describe('approvers', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  const BOT = 'key-hygiene[bot]';
  const repoId = () => gh.store.repo('acme', 'pay')!.id;
  const keyIssue = (): IssueRecord =>
    gh.store.issues.find((i) => i.repoId === repoId() && parseKeyMarker(i.body)?.secret === 'PAYMENTS_API_KEY')!;
  const lastReply = () =>
    gh.store.comments.filter((c) => c.repoId === repoId() && c.issueNumber === keyIssue().number).at(-1)!;
  let nextId = 700_000;

  async function command(login: string, body: string) {
    const issue = keyIssue();
    gh.seed.comment({ repo: 'acme/pay', issue: issue.number, body, user: login });
    const payload = {
      installation: { id: installation.id },
      repository: { name: 'pay', full_name: 'acme/pay', owner: { login: 'acme', type: 'Organization' } },
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
    ({ gh, app, installation } = await createBareWorld());
    gh.seed.repo({
      fullName: 'acme/pay',
      files: { '.github/key-hygiene.yml': "approvers: ['@acme/security', 'Vic']\nmax-snooze: 30d\n" },
    });
    gh.seed.team({ org: 'acme', slug: 'security', members: ['sam'] });
    gh.seed.team({ org: 'acme', slug: 'other', members: ['otto'] });
    gh.seed.collaborator('acme/pay', 'vic', 'read');
    gh.seed.collaborator('acme/pay', 'rita', 'read');
    gh.seed.collaborator('acme/pay', 'otto', 'read');
    gh.seed.secret({
      scope: 'repo',
      repo: 'acme/pay',
      name: 'PAYMENTS_API_KEY',
      updatedAt: new Date(gh.clock.now().getTime() - 100 * DAY),
    });
    running = await startAppWith(gh, app);
    expect((await running.sweep()).failed).toEqual([]);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('an active member of an approver team may snooze without write access', async () => {
    await command('sam', '/snooze 7d vendor outage');
    expect(parseKeyMarker(keyIssue().body)!.snooze).toMatchObject({ by: 'sam', reason: 'vendor outage' });
    expect(lastReply().body).toMatch(/^Snoozed: no reminders until/);
    expect(gh.log.entries.some((e) => e.path === '/orgs/acme/teams/security/memberships/sam' && e.status === 200)).toBe(
      true,
    );
  });

  it('a login in approvers matches whatever its case', async () => {
    await command('vic', '/snooze 14d waiting on finance');
    expect(parseKeyMarker(keyIssue().body)!.snooze?.by).toBe('vic');
  });

  it('a reader on another team is politely refused', async () => {
    await command('otto', '/snooze 7d not mine');
    expect(lastReply()).toMatchObject({ user: BOT });
    expect(lastReply().body).toMatch(/^Sorry otto, `\/snooze` changes how this key is tracked/);
    expect(parseKeyMarker(keyIssue().body)!.snooze?.by).toBe('vic');
  });

  it('commands anyone may use never ask about teams', async () => {
    gh.log.clear();
    await command('rita', '/status');
    expect(gh.log.entries.filter((e) => e.path.includes('/memberships/'))).toEqual([]);
  });
});
