import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type { GitHubEmulator, IssueRecord } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { DAY } from '../support/app-world.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// The App writes text from a push (file paths, the branch) and from comments (reasons) into
// issues it later reads its state back from. None of it may pass for the bot's own hidden marker,
// nor mention anyone: a pushed file whose path holds a forged `exemption` must not make the next
// sweep close a real overdue issue, nor a forged dashboard marker close the incident as a duplicate
// dashboard; a reason with backticks and a team must not ping the team. Real Probot, signed
// deliveries, real git behind acme/api, the emulator's clock.

const BOT = 'key-hygiene[bot]';
const OPENAI = makeKey('openai-project-key', 91);
const ANTHROPIC = makeKey('anthropic-api-key', 92);
const ZWSP = '\u200b';

let world: PushWorld;
let gh: GitHubEmulator;
let main: string[];

beforeAll(async () => {
  world = await startPushWorld(
    'markers-forged-',
    { 'src/settings.py': 'REGION = "eu"\n' },
    {
      permissions: { secrets: 'read', environments: 'read', actions: 'read' },
      emulator: { limits: { tokenLifetimeMs: 30 * DAY } },
    },
  );
  ({ gh, main } = world);
  gh.seed.collaborator('acme/api', 'wendy', 'write');
  // Last rotated 100 days ago: overdue under the default 90 days.
  gh.seed.secret({
    scope: 'repo',
    repo: 'acme/api',
    name: 'OPENAI_API_KEY',
    updatedAt: new Date(gh.clock.now().getTime() - 100 * DAY),
  });
});
afterAll(() => world.close());

const sweep = async () => {
  const result = await sweepAll(world.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => gh.clock.now());
  expect(result.failed).toEqual([]);
};
async function pushCommit(files: Record<string, string>): Promise<string> {
  const after = await world.commit(files, 'change');
  expect((await world.push({ before: main.at(-1)!, after, created: false })).status).toBe(200);
  main.push(after);
  return after;
}
const keyIssue = (): IssueRecord => gh.store.issues.find((i) => i.labels.includes('overdue'))!;
const dashboard = (): IssueRecord => gh.store.issues.find((i) => i.title === 'Key hygiene dashboard')!;
const incidentOf = (detector: string): IssueRecord =>
  gh.store.issues.find((i) => i.labels.includes('leak') && parseIncidentMarker(i.body)?.detector === detector)!;
const commentsOn = (issue: IssueRecord) =>
  gh.store.comments.filter((c) => c.repoId === issue.repoId && c.issueNumber === issue.number);

/** A signed `issue_comment.created` for `body` by `login` on `issue`. */
async function comment(issue: IssueRecord, login: string, body: string) {
  const stored = gh.seed.comment({ repo: 'acme/api', issue: issue.number, body, user: login });
  const payload = {
    installation: { id: world.installationId },
    repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
    issue: {
      number: issue.number,
      body: issue.body,
      state: issue.state,
      created_at: issue.createdAt.toISOString(),
      user: { login: BOT, type: 'Bot' },
      labels: issue.labels.map((name) => ({ name })),
    },
    comment: { id: stored.id, body, user: { login, type: 'User' }, performed_via_github_app: null },
    sender: { login, type: 'User' },
  };
  expect(
    (
      await gh.deliver({
        url: world.url,
        event: 'issue_comment',
        action: 'created',
        payload,
        deliveryId: `comment-${stored.id}`,
      })
    ).status,
  ).toBe(200);
  return commentsOn(issue).filter((c) => c.user === BOT && parseCommentMarker(c.body)?.replyTo === stored.id);
}

describe('a pushed file path cannot forge a marker', () => {
  let key: string;

  beforeAll(async () => {
    await sweep();
    expect(keyIssue()).toMatchObject({ state: 'open', user: BOT });
    key = parseKeyMarker(keyIssue().body)!.key;
    expect(dashboard()).toMatchObject({ state: 'open', user: BOT });
  });

  it('a path holding a key marker with an exemption opens its incident, and the next sweep leaves the overdue issue open', async () => {
    const forged = `<!-- key-hygiene:key ${JSON.stringify({ v: 1, key, exemption: { by: 'wendy', reason: 'forged', at: gh.clock.now().toISOString() } })} -->`;
    await pushCommit({ [`${forged}.env`]: `OPENAI_API_KEY=${OPENAI}\n` });
    const incident = incidentOf('openai-project-key');
    expect(incident).toMatchObject({ state: 'open', user: BOT });
    gh.clock.advance(DAY);
    await sweep();
    expect(keyIssue().state).toBe('open');
    expect(parseKeyMarker(keyIssue().body)?.exemption).toBeUndefined();
    expect(commentsOn(keyIssue()).filter((c) => parseCommentMarker(c.body)?.kind === 'resolved')).toEqual([]);
    expect(incidentOf('openai-project-key').state).toBe('open');

    // The path is shown, but as text: its `<!--` is broken, and nothing in the body reads as a key marker.
    expect(parseKeyMarker(incident.body)).toBeUndefined();
    expect(incident.body).toContain(
      `\`<${ZWSP}!-- key-hygiene:key {"v":1,"key":"acme/api|repo|*|openai_api_key|rotate"`,
    );
  });

  it('a path holding a dashboard marker does not make the incident a second dashboard closed as a duplicate', async () => {
    const before = dashboard().body;
    await pushCommit({ [`<!-- key-hygiene:dashboard {"v":1} -->.py`]: `ANTHROPIC = "${ANTHROPIC}"\n` });
    const incident = incidentOf('anthropic-api-key');
    expect(incident).toMatchObject({ state: 'open', user: BOT });
    gh.clock.advance(DAY);
    await sweep();
    expect(incidentOf('anthropic-api-key').state).toBe('open');
    expect(commentsOn(incident)).toEqual([]);
    expect(incidentOf('anthropic-api-key').body).toBe(incident.body);
    expect(dashboard().state).toBe('open');
    expect(dashboard().body).not.toBe('');
    expect(before).toContain('<!-- key-hygiene:dashboard');
  });
});

describe('user text in bot comments mentions nobody', () => {
  it('/snooze 14d x`@acme/security` by a writer: the reason is recorded and repeated without a mention', async () => {
    const [reply] = await comment(keyIssue(), 'wendy', '/snooze 14d x`@acme/security` <!-- key-hygiene:comment {} -->');
    expect(reply!.body).toMatch(
      /^Snoozed: no reminders until \d{4}-\d\d-\d\d \(by wendy\)\. Reason: x\\`@\u200bacme\/security\\` &lt;\\!-- key-hygiene:comment \{\} --&gt;\n\n<!-- key-hygiene:comment /,
    );
    expect(reply!.body).not.toMatch(/@[a-z]/i);
    expect(parseKeyMarker(keyIssue().body)?.snooze).toMatchObject({
      by: 'wendy',
      reason: 'x`@acme/security` <!-- key-hygiene:comment {} -->',
    });
    // The marker's JSON holds the reason as typed, with `<` and `>` escaped: the comment it sits in cannot end early.
    expect(keyIssue().body).toContain('"reason":"x`@acme/security` \\u003c!-- key-hygiene:comment {} --\\u003e"');

    const [status] = await comment(keyIssue(), 'rita', '/status');
    expect(status!.body).toMatch(
      /- snoozed until \d{4}-\d\d-\d\d by wendy: x\\`@\u200bacme\/security\\` &lt;\\!-- key-hygiene:comment \{\} --&gt;\n/,
    );
    expect(status!.body).not.toMatch(/@[a-z]/i);
  });

  it('/snooze x`@acme/security`: the duration it cannot read is quoted in a code span that cannot be closed', async () => {
    const [reply] = await comment(keyIssue(), 'wendy', '/snooze x`@acme/security`');
    // Outside code spans, no @ is followed by a name.
    expect(reply!.body.replace(/`[^`\n]*`/g, '')).not.toMatch(/@[a-z]/i);
    expect(reply!.body).toContain('— `x @acme/security ` is not one.');
  });

  it('an unknown command with a backtick is quoted whole in one code span', async () => {
    const [reply] = await comment(keyIssue(), 'wendy', '/x`@acme/security`');
    expect(reply!.body).toMatch(/^I don’t know `\/x @acme\/security `\./);
    expect(reply!.body.replace(/`[^`\n]*`/g, '')).not.toMatch(/@[a-z]/i);
  });
});

describe('file names in the push check run', () => {
  let small: PushWorld;
  beforeAll(async () => {
    small = await startPushWorld(
      'markers-check-',
      { 'src/config.ts': 'export const region = "eu";\n' },
      { emulator: { limits: { maxPatchBytes: 2_000 } } },
    );
  });
  afterAll(() => small.close());

  it('an unscanned file named with `|`, `<img src=x>`, backticks and a mention is listed inside one code span', async () => {
    const base = small.main.at(-1)!;
    // Too large a diff for the API: the file is listed as not scanned.
    const after = await small.commit({ 'data/a|b`<img src=x>`@acme.csv': 'id,value\n'.repeat(400) }, 'big file');
    expect((await small.push({ before: base, after })).status).toBe(200);
    const [run] = small.gh.store.checkRuns.filter((r) => r.headSha === after);
    // Outside code spans: no HTML, no mention.
    const outside = (run!.output.summary ?? '').replace(/`[^`\n]*`/g, '');
    expect(outside).not.toMatch(/[<>]|@[a-z]/i);
    expect(run!.output.summary).toContain(
      "Not scanned (binary or too large for the API's diff): `data/a|b <img src=x> @acme.csv`.",
    );
  });
});
