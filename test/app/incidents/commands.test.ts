import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { GitHubEmulator, IssueRecord } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { DAY } from '../support/app-world.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// Leak incidents: commands on an incident (`/resolved` for writers and approvers,
// `/status`, `/help`), each answered once however often GitHub delivers the comment; and a push
// whose incident could not be opened opens it when the delivery comes again. Real Probot, signed
// deliveries from the emulator, real git behind acme/api.

const OPENAI = makeKey('openai-project-key', 71);
const OPENAI_AGAIN = makeKey('openai-project-key', 72);
const ANTHROPIC = makeKey('anthropic-api-key', 73);
const BOT = 'key-hygiene[bot]';

let world: PushWorld;
let gh: GitHubEmulator;
let main: string[];

beforeAll(async () => {
  world = await startPushWorld(
    'incident-commands-',
    { 'src/settings.py': 'REGION = "eu"\n' },
    { permissions: { secrets: 'read', environments: 'read', actions: 'read' } },
  );
  ({ gh, main } = world);
  gh.seed.collaborator('acme/api', 'wendy', 'write');
  gh.seed.collaborator('acme/api', 'rita', 'read');
  gh.seed.secret({
    scope: 'repo',
    repo: 'acme/api',
    name: 'OPENAI_API_KEY',
    updatedAt: new Date(gh.clock.now().getTime() - 30 * DAY),
  });
});
afterAll(() => world.close());

/** Pushes one commit to main adding `files`; returns the delivery so it can be sent again. */
async function pushCommit(files: Record<string, string>, deliveryId: string) {
  const before = main.at(-1)!;
  const after = await world.commit(files, 'change');
  main.push(after);
  const deliver = () => world.push({ before, after, created: false }, deliveryId);
  return { after, deliver, first: await deliver() };
}

/** A comment on `issue` as GitHub stores it and delivers it to the app; `deliver` sends the same delivery again. */
function comment(issue: IssueRecord, login: string, body: string, type: 'User' | 'Bot' = 'User') {
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
    comment: { id: stored.id, body, user: { login, type }, performed_via_github_app: null },
    sender: { login, type },
  };
  const deliveryId = `comment-${stored.id}`;
  return {
    id: stored.id,
    deliver: () => gh.deliver({ url: world.url, event: 'issue_comment', action: 'created', payload, deliveryId }),
  };
}

const incidentFor = (detector: string, fingerprint?: string): IssueRecord =>
  gh.store.issues.find(
    (i) =>
      parseIncidentMarker(i.body)?.detector === detector &&
      (!fingerprint || parseIncidentMarker(i.body)?.fingerprint === fingerprint),
  )!;
const botReplies = (issue: IssueRecord) =>
  gh.store.comments.filter((c) => c.repoId === issue.repoId && c.issueNumber === issue.number && c.user === BOT);
const repliesTo = (issue: IssueRecord, id: number) =>
  botReplies(issue).filter((c) => parseCommentMarker(c.body)?.replyTo === id);

describe('commands on a leak incident', () => {
  let incident: IssueRecord;

  beforeAll(async () => {
    const { first } = await pushCommit({ 'src/config.py': `OPENAI = "${OPENAI}"\n` }, 'push-openai');
    expect(first.status).toBe(200);
    incident = incidentFor('openai-project-key');
    expect(incident.state).toBe('open');
  });

  it('/status, by anyone: which secrets for the provider were rotated after the leak and which not', async () => {
    const asked = comment(incident, 'rita', '/status');
    expect((await asked.deliver()).status).toBe(200);
    const [reply, ...more] = repliesTo(incident, asked.id);
    expect(more).toEqual([]);
    expect(reply!.body).toMatch(/^Leak seen \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Secrets for `openai` in this repository/);
    expect(reply!.body).toMatch(/- ⏳ `OPENAI_API_KEY` \(repository\): updated .* — not since the leak/);
  });

  it('/help lists the incident commands', async () => {
    const asked = comment(incident, 'rita', '/help');
    await asked.deliver();
    expect(repliesTo(incident, asked.id)[0]!.body).toMatch(
      /^Commands I answer on a leak incident[\s\S]*`\/resolved <note>`/,
    );
  });

  it('/resolved by a reader is refused in one line, and the incident stays open', async () => {
    const asked = comment(incident, 'rita', '/resolved all good');
    await asked.deliver();
    const [reply] = repliesTo(incident, asked.id);
    expect(reply!.body.split('\n\n')[0]).toMatch(
      /^Sorry rita, `\/resolved` closes this incident, so it needs write access/,
    );
    expect(gh.store.issues.find((i) => i.id === incident.id)!.state).toBe('open');
  });

  it('a bot’s /resolved is ignored', async () => {
    const before = botReplies(incident).length;
    await comment(incident, 'helper[bot]', '/resolved', 'Bot').deliver();
    expect(botReplies(incident)).toHaveLength(before);
    expect(gh.store.issues.find((i) => i.id === incident.id)!.state).toBe('open');
  });

  it('/resolved by a writer closes it as completed, naming who; the same delivery again is answered once', async () => {
    const asked = comment(incident, 'wendy', '/resolved revoked at OpenAI, secrets replaced');
    expect((await asked.deliver()).status).toBe(200);
    const closed = gh.store.issues.find((i) => i.id === incident.id)!;
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const [reply] = repliesTo(incident, asked.id);
    expect(reply!.body).toMatch(
      /^Resolved by wendy: closing this incident\. Note: revoked at OpenAI, secrets replaced/,
    );
    expect(parseCommentMarker(reply!.body)).toMatchObject({ kind: 'resolved', replyTo: asked.id });

    const count = botReplies(incident).length;
    expect((await asked.deliver()).status).toBe(200);
    expect((await asked.deliver()).status).toBe(200);
    expect(botReplies(incident)).toHaveLength(count);
    expect(repliesTo(incident, asked.id)).toHaveLength(1);
  });
});

describe('a push whose incident could not be opened', () => {
  it('opens it when the delivery comes again, leaving the finished check run as it was', async () => {
    gh.faults.inject({ method: 'POST', route: '/repos/{owner}/{repo}/issues', kind: 'status', status: 502 });
    const push = await pushCommit({ 'src/llm.py': `ANTHROPIC = "${ANTHROPIC}"\n` }, 'push-anthropic');
    expect(push.first.status).not.toBe(200);
    const runs = () => gh.store.checkRuns.filter((r) => r.headSha === push.after);
    expect(runs()).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
    expect(incidentFor('anthropic-api-key')).toBeUndefined();
    const checkWrites = () =>
      gh.log.entries.filter(
        (e) =>
          e.route?.startsWith('PATCH /repos/{owner}/{repo}/check-runs') ||
          e.route?.startsWith('POST /repos/{owner}/{repo}/check-runs'),
      ).length;
    const writesBefore = checkWrites();
    expect(writesBefore).toBeGreaterThan(0);
    const runBefore = JSON.stringify(runs());

    // Later, on GitHub's clock: the incident still dates the leak from when the run first saw it.
    gh.clock.advance(5 * 60_000);
    expect((await push.deliver()).status).toBe(200);
    expect(incidentFor('anthropic-api-key')).toMatchObject({ state: 'open', user: BOT });
    expect(parseIncidentMarker(incidentFor('anthropic-api-key').body)?.since).toBe(runs()[0]!.startedAt!.toISOString());
    expect(checkWrites()).toBe(writesBefore);
    expect(JSON.stringify(runs())).toBe(runBefore);

    // Once open, a third delivery opens nothing more.
    expect((await push.deliver()).status).toBe(200);
    expect(gh.store.issues.filter((i) => parseIncidentMarker(i.body)?.detector === 'anthropic-api-key')).toHaveLength(
      1,
    );
  });

  it('a redelivered push whose incidents were all opened opens none, and a new key in a later push still gets one', async () => {
    const push = await pushCommit({ 'src/other.py': `KEY = "${OPENAI_AGAIN}"\n` }, 'push-openai-again');
    expect(push.first.status).toBe(200);
    const count = gh.store.issues.length;
    expect((await push.deliver()).status).toBe(200);
    expect(gh.store.issues).toHaveLength(count);
    expect(gh.store.issues.filter((i) => parseIncidentMarker(i.body)?.detector === 'openai-project-key')).toHaveLength(
      2,
    );
  });

  it('stores no key anywhere', () => {
    const stored = JSON.stringify([gh.store.issues, gh.store.comments, gh.store.checkRuns]);
    for (const key of [OPENAI, OPENAI_AGAIN, ANTHROPIC]) expect(stored).not.toContain(key.slice(10, -4));
  });
});
