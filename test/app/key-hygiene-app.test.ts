import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../app/cli/main.js';
import { defaultSettings } from '../../app/settings.js';
import { sweepAll } from '../../app/sweep/sweep-all.js';
import { parseCommentMarker } from '../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../src/tracking/key-marker.js';
import type { AppRecord, GitHubEmulator, InstallationRecord, IssueRecord } from '../support/github-emulator/index.js';
import { createAppWorld, DAY, startApp, TestOctokit, type RunningApp } from './support/app-world.js';

// End to end over HTTP: the real Probot, app JWT and installation tokens, the emulator's
// clock, signed webhooks through Probot's own middleware. One story, told in order.

let gh: GitHubEmulator;
let app: AppRecord;
let installation: InstallationRecord;
let running: RunningApp;

beforeAll(async () => {
  ({ gh, app, installation } = await createAppWorld());
  running = await startApp(gh, app);
});
afterAll(async () => {
  await running.close();
  await gh.close();
});

const BOT = 'key-hygiene[bot]';
const repoId = (name: string) => gh.store.repo('acme', name)!.id;
const issuesOf = (name: string): IssueRecord[] => gh.store.issues.filter((i) => i.repoId === repoId(name));
const commentsOn = (name: string, issue: number) =>
  gh.store.comments.filter((c) => c.repoId === repoId(name) && c.issueNumber === issue);
const issueFor = (secret: string): IssueRecord =>
  issuesOf('api').find((i) => parseKeyMarker(i.body)?.secret === secret)!;
const dashboardOf = (name: string) => issuesOf(name).find((i) => i.title === 'Key hygiene dashboard');
const written = () => ({
  issues: gh.store.issues.length,
  comments: gh.store.comments.length,
  bodies: gh.store.issues.map((i) => `${i.state}${i.body}${i.labels.join()}`).join('|'),
});
const sweep = () => sweepAll(running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => gh.clock.now());

/** Moves the emulator's clock; the app restarts, as its cached tokens expired on GitHub's clock. */
async function travel(ms: number): Promise<void> {
  gh.clock.advance(ms);
  await running.close();
  running = await startApp(gh, app);
}

let nextComment = 900_000;
function comment(
  issue: IssueRecord,
  login: string,
  body: string,
  options: { type?: 'User' | 'Bot'; deliveryId?: string } = {},
) {
  const id = nextComment++;
  gh.seed.comment({ repo: 'acme/api', issue: issue.number, body, user: login });
  const payload = {
    installation: { id: installation.id },
    repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
    issue: {
      number: issue.number,
      body: issue.body,
      user: { login: BOT, type: 'Bot' },
      labels: issue.labels.map((name) => ({ name })),
    },
    comment: { id, body, user: { login, type: options.type ?? 'User' }, performed_via_github_app: null },
    sender: { login, type: options.type ?? 'User' },
  };
  return {
    id,
    payload,
    deliver: (deliveryId?: string) =>
      gh.deliver({
        url: running.url,
        event: 'issue_comment',
        action: 'created',
        payload,
        ...(deliveryId && { deliveryId }),
      }),
  };
}

describe('the Key Hygiene app against the GitHub emulator', () => {
  it('sweep --once opens one issue per stale key and a dashboard per repository, and skips what it cannot use', async () => {
    const out: string[] = [];
    const env = {
      APP_ID: String(app.id),
      PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
    };
    const code = await main(['sweep', '--once'], env, {
      out: { write: (t: string) => out.push(t) },
      err: { write: (t: string) => out.push(t) },
      now: () => gh.clock.now(),
      Octokit: TestOctokit,
    });
    expect(out.join('')).toMatch(/^key-hygiene-app: swept 3 repositories in 1 installations, \d+ applied actions\n$/);
    expect(code).toBe(0);

    const openai = issueFor('OPENAI_API_KEY');
    const stripe = issueFor('STRIPE_API_KEY');
    expect(issuesOf('api')).toHaveLength(3);
    expect(openai).toMatchObject({ user: BOT, state: 'open', labels: ['key-hygiene', 'due-soon'] });
    expect(openai.title).toMatch(/OPENAI_API_KEY.*production/);
    expect(openai.body).toContain('@acme/ml-platform');
    expect(stripe).toMatchObject({ state: 'open', labels: ['key-hygiene', 'overdue'] });
    const dashboard = dashboardOf('api')!;
    expect(dashboard.body).toMatch(new RegExp(`OPENAI_API_KEY.*#${openai.number}`));
    expect(dashboard.body).toMatch(new RegExp(`STRIPE_API_KEY.*overdue.*#${stripe.number}`));
    // A bad config never crashes a sweep: the dashboard names the field and the value; defaults apply.
    expect(dashboardOf('broken')!.body).toMatch(/Config errors[\s\S]*keys\.0\.rotate-every.*soon/);
    expect(issuesOf('old')).toEqual([]);
    // Names and dates only: GitHub never gives secret values, and nothing looks like one.
    expect(gh.store.issues.map((i) => i.body).join('\n')).not.toMatch(/sk-|T3BlbkFJ/);
  });

  it('a second sweep at the same time changes nothing', async () => {
    const before = written();
    const result = await sweep();
    expect(result.failed).toEqual([]);
    expect(result.results[0]!.actions).toEqual([]);
    expect(written()).toEqual(before);
  });

  it('a week later: exactly one reminder on each key issue, and nothing more on a second sweep', async () => {
    await travel(7 * DAY);
    const openai = issueFor('OPENAI_API_KEY');
    const stripe = issueFor('STRIPE_API_KEY');
    await sweep();
    for (const issue of [openai, stripe]) {
      const notes = commentsOn('api', issue.number).map((c) => parseCommentMarker(c.body)?.kind);
      expect(notes).toEqual(['reminder']);
    }
    const after = written();
    await sweep();
    expect(written()).toEqual(after);
  });

  it('/snooze 7d from a writer is recorded in the issue; from a reader it is politely refused', async () => {
    const stripe = issueFor('STRIPE_API_KEY');
    const writer = comment(stripe, 'wendy', '/snooze 7d waiting for the vendor');
    expect((await writer.deliver()).status).toBe(200);
    const marker = parseKeyMarker(issueFor('STRIPE_API_KEY').body)!;
    expect(marker.snooze).toMatchObject({
      by: 'wendy',
      reason: 'waiting for the vendor',
      until: new Date(gh.clock.now().getTime() + 7 * DAY).toISOString(),
    });
    expect(commentsOn('api', stripe.number).at(-1)!.body).toMatch(/^Snoozed: no reminders until/);

    const reader = comment(stripe, 'rita', '/snooze 7d not my key');
    await reader.deliver();
    expect(commentsOn('api', stripe.number).at(-1)).toMatchObject({ user: BOT });
    expect(commentsOn('api', stripe.number).at(-1)!.body).toMatch(
      /^Sorry rita, `\/snooze` changes how this key is tracked/,
    );
    expect(parseKeyMarker(issueFor('STRIPE_API_KEY').body)!.snooze?.by).toBe('wendy');
  });

  it('a redelivered webhook gets no second reply; other bots are ignored', async () => {
    const stripe = issueFor('STRIPE_API_KEY');
    const status = comment(stripe, 'rita', '/status');
    const first = await status.deliver();
    const count = commentsOn('api', stripe.number).length;
    await status.deliver(first.deliveryId);
    expect(commentsOn('api', stripe.number)).toHaveLength(count);
    await comment(stripe, 'renovate[bot]', '/help', { type: 'Bot' }).deliver();
    expect(commentsOn('api', stripe.number)).toHaveLength(count + 1); // the bot's own comment only
  });

  it('/rotated after the secret was updated: "rotated on …" and the issue closes; nothing left to do', async () => {
    gh.seed.secret({
      scope: 'environment',
      repo: 'acme/api',
      environment: 'production',
      name: 'OPENAI_API_KEY',
      updatedAt: gh.clock.now(),
    });
    const openai = issueFor('OPENAI_API_KEY');
    await comment(openai, 'rita', '/rotated').deliver();
    const closed = issueFor('OPENAI_API_KEY');
    expect(closed.state).toBe('closed');
    const last = commentsOn('api', openai.number).at(-1)!;
    expect(last.body).toMatch(/rotated on \d{4}-\d{2}-\d{2}/);
    expect(parseCommentMarker(last.body)?.kind).toBe('rotated');
    const before = written();
    await sweep();
    expect(written()).toEqual(before);
  });

  it('/rotated when nothing changed answers with what it sees', async () => {
    const stripe = issueFor('STRIPE_API_KEY');
    await comment(stripe, 'rita', '/rotated').deliver();
    expect(commentsOn('api', stripe.number).at(-1)!.body).toMatch(
      /^I re-checked: `STRIPE_API_KEY` still has `updated_at`/,
    );
    expect(issueFor('STRIPE_API_KEY').state).toBe('open');
  });

  it('ticking "Re-check now" on the dashboard sweeps the repository and unticks the box', async () => {
    const dashboard = dashboardOf('api')!;
    dashboard.body = dashboard.body!.replace(
      '- [ ] <!-- key-hygiene:recheck -->',
      '- [x] <!-- key-hygiene:recheck -->',
    );
    const payload = {
      installation: { id: installation.id },
      repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
      issue: { number: dashboard.number, body: dashboard.body, user: { login: BOT, type: 'Bot' } },
      sender: { login: 'wendy', type: 'User' },
    };
    expect((await gh.deliver({ url: running.url, event: 'issues', action: 'edited', payload })).status).toBe(200);
    expect(dashboardOf('api')!.body).toContain('- [ ] <!-- key-hygiene:recheck -->');
    expect(dashboardOf('api')!.body).toMatch(/OPENAI_API_KEY.*ok/);
  });
});

describe('key-hygiene-app sweep --once, refusing bad input', () => {
  it('exits 2 with one line when APP_ID is missing or the command is wrong', async () => {
    const lines: string[] = [];
    const io = { out: { write: (t: string) => lines.push(t) }, err: { write: (t: string) => lines.push(t) } };
    expect(await main(['sweep', '--once'], {}, io)).toBe(2);
    expect(await main(['sweep'], {}, io)).toBe(2);
    expect(lines).toEqual([
      'key-hygiene-app: APP_ID is "": expected the App\'s numeric id\n',
      'key-hygiene-app: usage: key-hygiene-app sweep --once [--dry-run]\n',
    ]);
  });
});

describe('dry-run and the cap', () => {
  it('dry-run logs what it would do and writes nothing; a cap defers the rest to the next sweep', async () => {
    const world = await createAppWorld();
    const app2 = await startApp(world.gh, world.app);
    try {
      const settings = { ...defaultSettings, sweepEveryMs: 0 };
      const dry = await sweepAll(app2.probot, { ...settings, dryRun: true }, () => world.gh.clock.now());
      expect(dry.results[0]!.actions.length).toBeGreaterThan(0);
      expect(world.gh.store.issues).toEqual([]);
      const capped = await sweepAll(app2.probot, { ...settings, maxContentPerSweep: 1 }, () => world.gh.clock.now());
      expect(capped.failed).toEqual([]);
      expect(world.gh.store.issues).toHaveLength(1);
      // The first repository's key issue took the whole budget; its dashboard and the others wait.
      expect(parseKeyMarker(world.gh.store.issues[0]!.body)).toBeDefined();
    } finally {
      await app2.close();
      await world.gh.close();
    }
  });
});
