import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import { buildAppIfStale, spawnSweepOnce } from '../../support/app-process.js';
import { startGitHubEmulator, type GitHubEmulator, type IssueRecord } from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { PERMISSIONS } from '../support/robust-world.js';

// Two `sweep --once` processes at the same moment against one GitHub, without Redis, on issues
// that already exist: both plan the same reminder, the same escalation, the same closing word from
// the same view. Each notice is claimed on its issue and the issue's new comments read again before
// it is posted (app/repo/notice-claimed.ts), so each owner hears each notice once. The processes
// read the host clock: they are moved with the emulator's (support/shift-clock.mjs).

const BOT = 'key-hygiene[bot]';
const KEYS = ['BILLING_API_KEY', 'SEARCH_API_KEY', 'MAPS_API_KEY'];
const POLICY = `
rotate-every: 90d
remind-before: 14d
reminders: { due-soon: 7d, overdue: 3d }
escalate-after: 10d
escalate-to: ['hubot']
`;

beforeAll(() => buildAppIfStale(), 120_000);

/** Both processes at once, on the emulator's clock `shiftMs` ahead of the host's. */
async function sweepTwiceAtOnce(gh: GitHubEmulator, env: NodeJS.ProcessEnv, shiftMs: number): Promise<void> {
  // The processes sign their JWTs with their (shifted) clock: the emulator's starts there.
  gh.clock.set(new Date(Date.now() + shiftMs));
  const sweeps = [spawnSweepOnce(env, shiftMs), spawnSweepOnce(env, shiftMs)];
  const codes = await Promise.all(sweeps.map((s) => s.exited));
  const output = sweeps.map((s) => s.output.join('')).join('\n---\n');
  expect(codes, output).toEqual([0, 0]);
  expect(output).not.toMatch(/sweep failed/);
}

describe('two sweep --once processes at once on existing issues, without Redis', () => {
  it('post one reminder, one escalation (assigning once) and one closing word per issue, and close it once', async () => {
    const gh = await startGitHubEmulator();
    try {
      const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
      gh.seed.repo({
        fullName: 'acme/api',
        files: { '.github/CODEOWNERS': '* @mona\n', '.github/key-hygiene.yml': POLICY },
      });
      gh.seed.collaborator('acme/api', 'mona', 'write');
      gh.seed.collaborator('acme/api', 'hubot', 'write');
      gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
      const env = {
        APP_ID: String(app.id),
        PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
        GHE_HOST: gh.host,
        GHE_PROTOCOL: 'http',
      };
      const repoId = gh.store.repo('acme', 'api')!.id;
      // Rotated 95 days ago: overdue by 5 days, escalated after 10.
      for (const name of KEYS)
        gh.seed.secret({ scope: 'repo', repo: 'acme/api', name, updatedAt: new Date(Date.now() - 95 * DAY) });

      const keyIssue = (name: string): IssueRecord =>
        gh.store.issues.find((i) => i.repoId === repoId && parseKeyMarker(i.body)?.secret === name)!;
      const notes = (issue: IssueRecord) =>
        gh.store.comments
          .filter((c) => c.repoId === repoId && c.issueNumber === issue.number && c.user === BOT)
          .map((c) => parseCommentMarker(c.body)?.kind);
      const requests = (method: string, route: string, issue?: IssueRecord) =>
        gh.log.entries.filter(
          (e) =>
            e.method === method &&
            e.route === route &&
            e.status < 300 &&
            (!issue ||
              e.path.split('?')[0]!.endsWith(`/issues/${issue.number}`) ||
              e.path.includes(`/issues/${issue.number}/`)),
        ).length;
      const noClaimsLeft = () =>
        expect(
          gh.store
            .labelsOf(repoId)
            .map((l) => l.name)
            .filter((n) => n.startsWith('key-hygiene-claim-')),
        ).toEqual([]);

      // Day 0: one issue per key (the opening claim of main), no comment.
      await sweepTwiceAtOnce(gh, env, 0);
      for (const name of KEYS) expect(notes(keyIssue(name)), name).toEqual([]);
      expect(gh.store.issues.filter((i) => i.repoId === repoId && parseKeyMarker(i.body))).toHaveLength(KEYS.length);

      // Day 4: the overdue cadence (3 days) is up — one reminder each, not two.
      await sweepTwiceAtOnce(gh, env, 4 * DAY);
      for (const name of KEYS) expect(notes(keyIssue(name)), `day 4, ${name}`).toEqual(['reminder']);
      noClaimsLeft();

      // Day 6: overdue by 11 days — one escalation each, and hubot assigned by one process only.
      const assignsBefore = requests('POST', 'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees');
      await sweepTwiceAtOnce(gh, env, 6 * DAY);
      for (const name of KEYS) {
        const issue = keyIssue(name);
        expect(notes(issue), `day 6, ${name}`).toEqual(['reminder', 'escalation']);
        expect(issue.labels, name).toContain('escalated');
        expect(
          issue.assignees.filter((a) => a === 'hubot'),
          name,
        ).toEqual(['hubot']);
      }
      expect(requests('POST', 'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees') - assignsBefore).toBe(
        KEYS.length,
      );
      noClaimsLeft();

      // Day 6, an hour later: two keys rotated — one closing word and one close each; the third hears nothing new.
      const rotated = KEYS.slice(0, 2);
      const patches = (issue: IssueRecord) =>
        requests('PATCH', 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', issue);
      const patchesBefore = rotated.map((name) => patches(keyIssue(name)));
      for (const name of rotated) gh.seed.secret({ scope: 'repo', repo: 'acme/api', name, updatedAt: gh.clock.now() });
      await sweepTwiceAtOnce(gh, env, 6 * DAY + 60 * 60_000);
      for (const [i, name] of rotated.entries()) {
        const issue = keyIssue(name);
        expect(notes(issue), `rotated, ${name}`).toEqual(['reminder', 'escalation', 'rotated']);
        expect(issue.state, name).toBe('closed');
        expect(patches(issue) - patchesBefore[i]!, `closes of ${name}`).toBe(1);
      }
      expect(notes(keyIssue(KEYS[2]!)), KEYS[2]).toEqual(['reminder', 'escalation']);
      expect(keyIssue(KEYS[2]!).state).toBe('open');
      noClaimsLeft();
    } finally {
      await gh.close();
    }
  }, 300_000);
});
