import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../../app/cli/main.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type {
  AppRecord,
  GitHubEmulator,
  InstallationRecord,
  IssueRecord,
} from '../../support/github-emulator/index.js';
import { buildAppIfStale, ROOT, startProbotRun, type AppProcess } from '../../support/app-process.js';
import { createAppWorld, TestOctokit } from '../support/app-world.js';
import { seedServiceRepo } from '../support/onboarding-world.js';

// On GitHub every write of the App comes back to it as a webhook: dashboard rewrites (issues.edited),
// replies and reminders (issue_comment.created), labels, onboarding commits (push). The real
// `probot run` process gets them all from the emulator here, while `sweep --once` and a command
// write — and must drop them before any request, and never answer them with a write (no loop).

const BOT = 'key-hygiene[bot]';
const MINUTE = 60_000;

let gh: GitHubEmulator;
let app: AppRecord;
let installation: InstallationRecord;
let server: (AppProcess & { url: string }) | undefined;

beforeAll(async () => {
  buildAppIfStale();
  ({ gh, app, installation } = await createAppWorld());
  // The events app.yml subscribes to, and what onboarding writes with: its own pushes come back too.
  app.events = (parse(readFileSync(join(ROOT, 'app.yml'), 'utf8')) as { default_events: string[] }).default_events;
  const writes = { contents: 'write', pull_requests: 'write', workflows: 'write', checks: 'write' } as const;
  Object.assign(app.permissions, writes);
  Object.assign(installation.permissions, writes);
  gh.seed.file(
    'acme/.github',
    '.github/key-hygiene.yml',
    `${String(gh.store.repo('acme', '.github')!.files.get('.github/key-hygiene.yml'))}onboarding: pull-request\n`,
  );
  seedServiceRepo(gh, 'acme/svc');
  server = await startProbotRun({
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.webhookSecret,
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'info',
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await gh?.close();
});

/** `key-hygiene-app sweep --once`, its own process's lock and clients (not the server's). */
async function sweepOnce(): Promise<void> {
  const out: string[] = [];
  const env = {
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
  };
  const io = { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => out.push(t) } };
  expect(
    await main(['sweep', '--once'], env, { ...io, now: () => gh.clock.now(), Octokit: TestOctokit }),
    out.join(''),
  ).toBe(0);
}

const api = () => gh.store.repo('acme', 'api')!;
const issueFor = (secret: string): IssueRecord =>
  gh.store.issuesOf(api().id).find((i) => parseKeyMarker(i.body)?.secret === secret)!;
const dashboard = (): IssueRecord =>
  gh.store.issuesOf(api().id).find((i) => i.title === 'Key hygiene dashboard' && i.state === 'open')!;
const tick = (body: string | null) =>
  (body ?? '').replace('- [ ] <!-- key-hygiene:recheck -->', '- [x] <!-- key-hygiene:recheck -->');
const log = () => server!.output.join('');

describe("the App's own writes, delivered back to the real `probot run` process", () => {
  it('a full sweep and a command round trip: its own events cost no request and start nothing', async () => {
    const own = gh.webhooks.hold((d) => d.sender === BOT);
    await sweepOnce();
    expect(gh.store.pulls.length, 'the onboarding pull request').toBe(1);
    const stripe = issueFor('STRIPE_API_KEY');
    gh.act.comment({
      repo: 'acme/api',
      issue: stripe.number,
      body: '/snooze 7d waiting for the vendor',
      user: 'wendy',
    });
    await gh.webhooks.settled();
    expect(parseKeyMarker(issueFor('STRIPE_API_KEY').body)!.snooze).toMatchObject({ by: 'wendy' });
    expect(gh.store.commentsOf(api().id, stripe.number).at(-1)!.user).toBe(BOT);

    const held = own.deliveries;
    const kinds = new Set(held.map((d) => `${d.event}.${d.action ?? ''}`));
    // Its issues, labels, dashboards, reply and marker edit, and the onboarding branch's commits.
    for (const kind of ['issues.opened', 'issues.labeled', 'issues.edited', 'issue_comment.created', 'push.'])
      expect(kinds, kind).toContain(kind);
    const requests = gh.log.counters().requests;
    const deliveries = gh.webhooks.deliveries.length;
    own.release();
    await gh.webhooks.settled();
    expect(gh.log.counters().requests - requests, 'requests caused by its own events').toBe(0);
    expect(held.map((d) => d.status)).toEqual(held.map(() => 200));
    // Quiescent: handling them wrote nothing, so nothing more was delivered.
    expect(gh.webhooks.deliveries.length).toBe(deliveries);
  }, 120_000);

  it('a "Re-check now" tick that lands between a sweep\'s read and its write is honoured, not overwritten', async () => {
    gh.clock.advance(5 * MINUTE);
    const before = gh.webhooks.deliveries.length;
    // The sweep (another process) has listed acme/api's issues; before it gets the answer, wendy
    // rotates STRIPE_API_KEY and ticks the box, and the server handles her tick (a re-check) at once.
    gh.faults.inject({
      method: 'GET',
      route: '/repos/{owner}/{repo}/issues',
      path: /^\/repos\/acme\/api\/issues/,
      kind: 'hook',
      run: async () => {
        gh.seed.secret({
          scope: 'environment',
          repo: 'acme/api',
          environment: 'production',
          name: 'STRIPE_API_KEY',
          updatedAt: gh.clock.now(),
        });
        gh.act.editIssue({ repo: 'acme/api', issue: dashboard().number, body: tick(dashboard().body), user: 'wendy' });
        await gh.webhooks.settled();
      },
    });
    await sweepOnce();
    await gh.webhooks.settled();
    expect(log()).not.toMatch(/"level":50/);
    // The re-check saw the rotation: the issue closed with "rotated on", and the dashboard says so —
    // the sweep that had read the older state did not write it over the re-check.
    expect(issueFor('STRIPE_API_KEY').state).toBe('closed');
    expect(
      gh.store
        .commentsOf(api().id, issueFor('STRIPE_API_KEY').number)
        .some((c) => parseCommentMarker(c.body)?.kind === 'rotated'),
    ).toBe(true);
    expect(dashboard().body).toMatch(/STRIPE_API_KEY.*🟢 ok/);
    expect(dashboard().body).not.toMatch(/STRIPE_API_KEY.*overdue/);
    expect(dashboard().body).toContain('- [ ] <!-- key-hygiene:recheck -->');
    // Bounded: the tick, the writes of one re-check and one sweep, and their echoes — no ping-pong.
    expect(gh.webhooks.deliveries.length - before).toBeLessThan(30);
  }, 120_000);

  it('a tick from someone without write access starts no sweep (as for commands)', async () => {
    gh.clock.advance(5 * MINUTE);
    const board = dashboard();
    const body = board.body;
    const requests = gh.log.counters().requests;
    // GitHub would not let rita (read) edit the bot's issue; a delivery saying she did is refused anyway.
    const payload = {
      installation: { id: installation.id },
      repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
      issue: { number: board.number, body: tick(body), user: { login: BOT, type: 'Bot' } },
      changes: { body: { from: body } },
      sender: { login: 'rita', type: 'User' },
    };
    expect((await gh.deliver({ url: server!.url, event: 'issues', action: 'edited', payload })).status).toBe(200);
    await gh.webhooks.settled();
    expect(dashboard().body).toBe(body);
    // Only her permission was read.
    expect(gh.log.counters().requests - requests).toBe(1);
    // The process writes its log after it answers the delivery: wait for the line, not for a fixed time.
    await vi.waitFor(() => expect(log()).toContain('rita ticked the dashboard without write access'), {
      timeout: 20_000,
      interval: 100,
    });
  }, 60_000);
});
