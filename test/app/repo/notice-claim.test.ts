import { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppOctokit } from '../../../app/octokit/octokit.js';
import { applyActions } from '../../../app/repo/apply-actions.js';
import { renderCommentMarker, type CommentMarker } from '../../../src/tracking/comment-marker.js';
import type { CloseAction, CommentAction } from '../../../src/tracking/issue-action.js';
import { renderKeyMarker } from '../../../src/tracking/key-marker.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { TestOctokit } from '../support/app-world.js';
import { createBareWorld } from '../support/robust-world.js';

// A reminder, an escalation or a closing word planned from a view another process has since acted
// on (app/repo/notice-claimed.ts): the issue's state and new comments are read again under a
// claim on the issue, and what was already said is not said again.

const KEY = 'acme/api|repo|*|openai_api_key|rotate';
const BOT = 'key-hygiene[bot]';

describe('applyActions posts a notice only if no other process posted it since the plan', () => {
  let gh: GitHubEmulator;
  let octokit: AppOctokit;
  const lines: string[] = [];
  const options = () => ({
    owner: 'acme',
    repo: 'api',
    botLogin: BOT,
    dryRun: false,
    log: (line: string) => lines.push(line),
    clock: () => gh.clock.now(),
    viewedAt: new Date(gh.clock.now().getTime() - 60_000),
  });
  const note = (marker: CommentMarker) => `Rotate it.\n\n${renderCommentMarker(marker)}`;
  const issue = (state: 'open' | 'closed' = 'open') =>
    gh.seed.issue({
      repo: 'acme/api',
      title: 'Rotate OPENAI_API_KEY',
      body: `due\n\n${renderKeyMarker({ key: KEY })}`,
      user: BOT,
      labels: ['key-hygiene'],
      state,
    }).number;
  const botNotes = (number: number) =>
    gh.store.comments.filter((c) => c.issueNumber === number && c.user === BOT).length;
  const claimLabels = () =>
    gh.store
      .labelsOf(gh.store.repo('acme', 'api')!.id)
      .map((l) => l.name)
      .filter((n) => n.startsWith('key-hygiene-claim-'));

  beforeAll(async () => {
    const world = await createBareWorld();
    gh = world.gh;
    gh.seed.repo({ fullName: 'acme/api' });
    const probot = new Probot({
      appId: world.app.id,
      privateKey: world.app.privateKey,
      baseUrl: gh.apiV3Url,
      Octokit: TestOctokit,
      logLevel: 'fatal',
    });
    octokit = (await probot.auth(world.installation.id)) as AppOctokit;
  });
  afterAll(() => gh.close());

  it('does not repeat a reminder another sweep posted meanwhile, and releases the claim', async () => {
    const number = issue();
    const reminder: CommentMarker = { key: KEY, kind: 'reminder', state: 'overdue' };
    gh.seed.comment({ repo: 'acme/api', issue: number, body: note(reminder), user: BOT });
    const action: CommentAction = {
      type: 'comment',
      key: KEY,
      issue: number,
      body: note(reminder),
      assign: { logins: ['mona'], max: 1 },
    };
    expect(await applyActions(octokit, [action], options())).toEqual([]);
    expect(botNotes(number)).toBe(1);
    expect(gh.store.issues.find((i) => i.number === number)!.assignees).toEqual([]);
    expect(lines.at(-1)).toBe(
      `acme/api: #${number} (${KEY}): reminder not posted, another sweep posted it or closed the issue meanwhile`,
    );
    expect(claimLabels()).toEqual([]);
  });

  it('posts a reminder that is news: the key turned overdue since the due-soon one', async () => {
    const number = issue();
    gh.seed.comment({
      repo: 'acme/api',
      issue: number,
      body: note({ key: KEY, kind: 'reminder', state: 'due-soon' }),
      user: BOT,
    });
    const action: CommentAction = {
      type: 'comment',
      key: KEY,
      issue: number,
      body: note({ key: KEY, kind: 'reminder', state: 'overdue' }),
    };
    expect((await applyActions(octokit, [action], options())).map((a) => a.number)).toEqual([number]);
    expect(botNotes(number)).toBe(2);
  });

  it('posts nothing on an issue closed meanwhile', async () => {
    const number = issue('closed');
    const action: CommentAction = {
      type: 'comment',
      key: KEY,
      issue: number,
      body: note({ key: KEY, kind: 'escalation', state: 'overdue' }),
    };
    expect(await applyActions(octokit, [action], options())).toEqual([]);
    expect(botNotes(number)).toBe(0);
  });

  it('closes without repeating the closing word another process posted, and never closes twice', async () => {
    const number = issue();
    const rotated = note({ key: KEY, kind: 'rotated' });
    gh.seed.comment({ repo: 'acme/api', issue: number, body: rotated, user: BOT });
    const close: CloseAction = { type: 'close', key: KEY, issue: number, reason: 'completed', comment: rotated };
    expect((await applyActions(octokit, [close], options())).map((a) => a.number)).toEqual([number]);
    expect(botNotes(number)).toBe(1);
    expect(gh.store.issues.find((i) => i.number === number)!.state).toBe('closed');
    const patches = gh.log.entries.filter((e) => e.method === 'PATCH').length;
    expect(await applyActions(octokit, [close], options())).toEqual([]);
    expect(gh.log.entries.filter((e) => e.method === 'PATCH').length).toBe(patches);
    expect(botNotes(number)).toBe(1);
  });

  it('answers a command without a claim: its answer runs under the repository lock', async () => {
    const number = issue();
    const reply: CommentAction = {
      type: 'comment',
      key: KEY,
      issue: number,
      body: note({ key: KEY, kind: 'reply', replyTo: 1 }),
    };
    const labelsBefore = gh.log.entries.filter((e) => e.route === 'POST /repos/{owner}/{repo}/labels').length;
    expect((await applyActions(octokit, [reply], options())).map((a) => a.number)).toEqual([number]);
    expect(gh.log.entries.filter((e) => e.route === 'POST /repos/{owner}/{repo}/labels').length).toBe(labelsBefore);
  });
});
