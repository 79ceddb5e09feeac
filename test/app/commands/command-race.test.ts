import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type {
  AppRecord,
  GitHubEmulator,
  InstallationRecord,
  IssueRecord,
} from '../../support/github-emulator/index.js';
import { createAppWorld, DAY, startApp, type RunningApp } from '../support/app-world.js';

// A command's read-then-PATCH of an issue body against another write of that body: a second
// command, or a sweep. The emulator holds the first PATCH of an issue for a moment — the window in
// which another writer reads the body the PATCH is about to replace — and nothing may be lost.

const BOT = 'key-hygiene[bot]';
const ISSUE_PATCH = {
  kind: 'delay',
  ms: 1_500,
  method: 'PATCH',
  route: '/repos/{owner}/{repo}/issues/{issue_number}',
  times: 1,
} as const;

let world: { gh: GitHubEmulator; app: AppRecord; installation: InstallationRecord; running: RunningApp } | undefined;
afterEach(async () => {
  await world?.running.close();
  await world?.gh.close();
  world = undefined;
});

async function start() {
  const { gh, app, installation } = await createAppWorld();
  const first = await startApp(gh, app);
  await sweepAll(first.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => gh.clock.now());
  world = { gh, app, installation, running: first };
  return world;
}

const stripeOf = (gh: GitHubEmulator): IssueRecord => {
  const api = gh.store.repo('acme', 'api')!;
  return gh.store.issues.find(
    (i) => i.repoId === api.id && parseKeyMarker(i.body)?.key.endsWith('|stripe_api_key|rotate'),
  )!;
};

/** Delivers a comment by `login` on the STRIPE_API_KEY issue; resolves with the delivery's status. */
function comment(gh: GitHubEmulator, installation: InstallationRecord, url: string, login: string, body: string) {
  const issue = stripeOf(gh);
  const seeded = gh.seed.comment({ repo: 'acme/api', issue: issue.number, body, user: login });
  return gh.deliver({
    url,
    event: 'issue_comment',
    action: 'created',
    payload: {
      installation: { id: installation.id },
      repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
      issue: {
        number: issue.number,
        body: issue.body,
        state: issue.state,
        user: { login: BOT, type: 'Bot' },
        labels: issue.labels.map((name) => ({ name })),
      },
      comment: { id: seeded.id, body, user: { login, type: 'User' }, performed_via_github_app: null },
      sender: { login, type: 'User' },
    },
  });
}

/** Resolves once the emulator has answered a GET of the issue past `seq` (the command's fresh read). */
async function issueReadAfter(gh: GitHubEmulator, seq: number, number: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (
      gh.log.entries.some(
        (e) =>
          e.seq > seq &&
          e.method === 'GET' &&
          e.path.startsWith(`/repos/acme/api/issues/${number}`) &&
          !e.path.includes('/comments'),
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the command never read its issue');
}

describe("a command's edit of an issue body is not lost to a concurrent write", () => {
  it('/snooze and /exempt at once: both are applied in turn — the issue ends exempt and closed, both answered', async () => {
    const { gh, installation, running } = await start();
    const issue = stripeOf(gh);
    gh.faults.inject(ISSUE_PATCH);
    const mark = gh.log.entries.length;
    const snoozed = comment(gh, installation, running.url, 'wendy', '/snooze 7d waiting on the vendor');
    await issueReadAfter(gh, mark, issue.number);
    const exempted = comment(gh, installation, running.url, 'wendy', '/exempt test-mode key, no production access');
    expect((await snoozed).status).toBe(200);
    expect((await exempted).status).toBe(200);

    const after = stripeOf(gh);
    expect(parseKeyMarker(after.body)?.exemption?.by).toBe('wendy');
    expect(after.state).toBe('closed');
    const replies = gh.store.comments.filter(
      (c) =>
        c.repoId === after.repoId &&
        c.issueNumber === after.number &&
        c.user === BOT &&
        parseCommentMarker(c.body)?.kind === 'reply',
    );
    expect(replies.map((c) => c.body.split('\n')[0]!.split(':')[0])).toEqual(
      expect.arrayContaining(['Snoozed', 'Exempt']),
    );
  }, 60_000);

  it('/snooze racing a sweep of the repository: the snooze stays, and what the sweep wrote stays true of the issue', async () => {
    const w = await start();
    const { gh, installation } = w;
    // A week and a day on: the overdue key's reminder is due. A restart, as tokens expired on GitHub's clock.
    gh.clock.advance(8 * DAY);
    await w.running.close();
    w.running = await startApp(gh, w.app);
    const issue = stripeOf(gh);
    const reminders = () =>
      gh.store.comments.filter(
        (c) =>
          c.repoId === issue.repoId &&
          c.issueNumber === issue.number &&
          c.user === BOT &&
          parseCommentMarker(c.body)?.kind !== 'reply',
      );
    const before = reminders().length;

    gh.faults.inject(ISSUE_PATCH);
    const mark = gh.log.entries.length;
    const snoozed = comment(gh, installation, w.running.url, 'wendy', '/snooze 14d vendor rotates on Friday');
    await issueReadAfter(gh, mark, issue.number);
    await sweepAll(w.running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => gh.clock.now());
    expect((await snoozed).status).toBe(200);

    const marker = parseKeyMarker(stripeOf(gh).body);
    expect(marker?.snooze?.by).toBe('wendy');
    // A reminder the sweep posted is recorded in the marker; else the next sweep would post it again.
    const posted = reminders().slice(before);
    for (const note of posted)
      expect(Date.parse(marker?.lastReminderAt ?? '0')).toBeGreaterThanOrEqual(note.createdAt.getTime());
  }, 60_000);
});
