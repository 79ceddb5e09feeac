import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../app/settings.js';
import { sweepAll, type SweepAllResult } from '../../../app/sweep/sweep-all.js';
import { parseCommentMarker, type CommentKind } from '../../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import {
  startGitHubEmulator,
  type AppRecord,
  type GitHubEmulator,
  type IssueRecord,
} from '../../support/github-emulator/index.js';
import { DAY, startApp, type RunningApp } from '../support/app-world.js';

// One key's life, on the emulator's clock moving through days: fresh, due soon
// (an issue), reminded, overdue (relabelled), escalated once — and never a duplicate issue or
// comment when two sweeps run at once or the app restarts. The in-process Probot of app-world.ts.

const POLICY = `
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [production]
    owners: ['@acme/ml-platform']
rotate-every: 90d
remind-before: 14d
reminders: { due-soon: 7d, overdue: 3d }
escalate-after: 10d
escalate-to: ['@acme/security']
`;

const BOT = 'key-hygiene[bot]';

interface World {
  gh: GitHubEmulator;
  app: AppRecord;
  running: RunningApp;
}

/** One repository, one key in `production`, rotated `ageDays` ago on the emulator's clock. */
async function createWorld(ageDays: number): Promise<World> {
  const gh = await startGitHubEmulator();
  const permissions = {
    secrets: 'read',
    environments: 'read',
    actions: 'read',
    issues: 'write',
    contents: 'read',
    metadata: 'read',
    members: 'read',
  } as const;
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...permissions } });
  gh.seed.repo({ fullName: 'acme/api', files: { '.github/key-hygiene.yml': POLICY } });
  gh.seed.installation({ account: 'acme', permissions: { ...permissions } });
  gh.seed.environment({ repo: 'acme/api', name: 'production', reviewers: ['mona'] });
  const updatedAt = new Date(gh.clock.now().getTime() - ageDays * DAY);
  gh.seed.secret({
    scope: 'environment',
    repo: 'acme/api',
    environment: 'production',
    name: 'OPENAI_API_KEY',
    updatedAt,
  });
  return { gh, app, running: await startApp(gh, app) };
}

async function closeWorld(world: World): Promise<void> {
  await world.running.close();
  await world.gh.close();
}

const sweep = (world: World): Promise<SweepAllResult> =>
  sweepAll(world.running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => world.gh.clock.now());

/** A new Probot instance: nothing in memory survives, as after a crash or a deploy. */
async function restart(world: World): Promise<void> {
  await world.running.close();
  world.running = await startApp(world.gh, world.app);
}

/** Moves the emulator's clock; the app restarts, as its cached tokens expired on GitHub's clock. */
async function travel(world: World, days: number): Promise<void> {
  world.gh.clock.advance(days * DAY);
  await restart(world);
}

const keyIssues = (world: World): IssueRecord[] =>
  world.gh.store.issues.filter((i) => parseKeyMarker(i.body)?.secret === 'OPENAI_API_KEY');
const dashboards = (world: World): IssueRecord[] =>
  world.gh.store.issues.filter((i) => i.title === 'Key hygiene dashboard');
const botNotes = (world: World, issue: IssueRecord): CommentKind[] =>
  world.gh.store.comments
    .filter((c) => c.repoId === issue.repoId && c.issueNumber === issue.number && c.user === BOT)
    .map((c) => parseCommentMarker(c.body)?.kind)
    .filter((kind) => kind !== undefined);
const written = (world: World) => ({
  issues: world.gh.store.issues.map((i) => `${i.number}:${i.state}:${i.labels.join(',')}:${i.body}`),
  comments: world.gh.store.comments.length,
});

/** The one key issue; fails if there are none or more. */
function theKeyIssue(world: World): IssueRecord {
  const issues = keyIssues(world);
  expect(issues.map((i) => i.number)).toHaveLength(1);
  return issues[0]!;
}

describe('a key through its life, day by day', () => {
  let world: World;
  // Rotated 70 days ago, every 90 days: due on day 20, due soon (14 days before) from day 6.
  beforeAll(async () => {
    world = await createWorld(70);
  });
  afterAll(() => closeWorld(world));

  it('day 0: a fresh key gets no issue, only a row on the dashboard', async () => {
    expect((await sweep(world)).failed).toEqual([]);
    expect(keyIssues(world)).toEqual([]);
    expect(dashboards(world)).toHaveLength(1);
    expect(dashboards(world)[0]!.body).toMatch(/OPENAI_API_KEY.*ok/);
  });

  it('day 7: due soon — one issue labelled due-soon, naming the owners', async () => {
    await travel(world, 7);
    await sweep(world);
    const issue = theKeyIssue(world);
    expect(issue).toMatchObject({ user: BOT, state: 'open', labels: ['key-hygiene', 'due-soon'] });
    expect(issue.title).toMatch(/OPENAI_API_KEY.*production/);
    expect(issue.body).toContain('@acme/ml-platform');
    expect(botNotes(world, issue)).toEqual([]);
  });

  it('day 14: exactly one reminder, and a second sweep that day adds nothing', async () => {
    await travel(world, 7);
    await sweep(world);
    expect(botNotes(world, theKeyIssue(world))).toEqual(['reminder']);
    const before = written(world);
    await sweep(world);
    expect(written(world)).toEqual(before);
  });

  it('day 21: overdue — relabelled and told at once, still one issue', async () => {
    await travel(world, 7);
    await sweep(world);
    const issue = theKeyIssue(world);
    expect(issue.labels).toEqual(['key-hygiene', 'overdue']);
    expect(botNotes(world, issue)).toEqual(['reminder', 'reminder']);
    const last = world.gh.store.comments
      .filter((c) => c.issueNumber === issue.number && c.repoId === issue.repoId)
      .at(-1)!;
    expect(last.body).toMatch(/\*\*overdue\*\*/);
  });

  it('day 31: escalates after escalate-after — mentions escalate-to, adds the label, once', async () => {
    await travel(world, 10);
    await sweep(world);
    const issue = theKeyIssue(world);
    expect(issue.labels).toEqual(['key-hygiene', 'overdue', 'escalated']);
    expect(botNotes(world, issue)).toEqual(['reminder', 'reminder', 'escalation']);
    const escalation = world.gh.store.comments.find(
      (c) => c.issueNumber === issue.number && parseCommentMarker(c.body)?.kind === 'escalation',
    )!;
    expect(escalation.body).toMatch(/^@acme\/security: escalating/);
    const before = written(world);
    await sweep(world);
    expect(written(world)).toEqual(before);
  });

  it('day 34: the next overdue reminder comes on the cadence, never a second escalation', async () => {
    await travel(world, 3);
    await sweep(world);
    const issue = theKeyIssue(world);
    expect(botNotes(world, issue)).toEqual(['reminder', 'reminder', 'escalation', 'reminder']);
    expect(issue.labels).toEqual(['key-hygiene', 'overdue', 'escalated']);
  });
});

describe('a restart', () => {
  let world: World;
  // Rotated 80 days ago: due soon (in 10 days) from the start.
  beforeAll(async () => {
    world = await createWorld(80);
  });
  afterAll(() => closeWorld(world));

  it('a new instance finds its issues by their markers: no duplicate issue, no second reminder', async () => {
    await sweep(world);
    const before = written(world);
    await restart(world);
    expect((await sweep(world)).failed).toEqual([]);
    expect(written(world)).toEqual(before);
    await travel(world, 7);
    await sweep(world);
    await restart(world);
    await sweep(world);
    expect(botNotes(world, theKeyIssue(world))).toEqual(['reminder']);
    expect(dashboards(world)).toHaveLength(1);
  });
});

describe('two sweeps started at once', () => {
  const worlds: World[] = [];
  const newWorld = async (ageDays: number) => {
    worlds.push(await createWorld(ageDays));
    return worlds.at(-1)!;
  };
  afterAll(() => Promise.all(worlds.map(closeWorld)));

  it('open exactly one issue per key and one dashboard', async () => {
    const world = await newWorld(80);
    const results = await Promise.all([sweep(world), sweep(world)]);
    expect(results.flatMap((r) => r.failed)).toEqual([]);
    expect(keyIssues(world)).toHaveLength(1);
    expect(dashboards(world)).toHaveLength(1);
  });

  it('post exactly one reminder when one is due', async () => {
    const world = await newWorld(80);
    await sweep(world);
    await travel(world, 7);
    await Promise.all([sweep(world), sweep(world)]);
    expect(botNotes(world, theKeyIssue(world))).toEqual(['reminder']);
    const before = written(world);
    await sweep(world);
    expect(written(world)).toEqual(before);
  });
});
