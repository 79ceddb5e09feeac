import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../app/settings.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import type { GitHubEmulator, IssueRecord } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// README: KEY_HYGIENE_DRY_RUN=true, or `dry-run: true` in a policy, "logs every issue, comment,
// label and edit it would make and writes nothing" — webhooks included: no check run, no incident,
// no command answer. Real Probot, signed deliveries, real git behind acme/api.

const BOT = 'key-hygiene[bot]';

/** Every request that would change something on GitHub (minting a token aside). */
const writes = (gh: GitHubEmulator) =>
  gh.log.entries.filter((e) => e.method !== 'GET' && !e.path.includes('/access_tokens')).map((e) => e.route);

/** Pushes one commit to main adding `files`. */
async function pushCommit(world: PushWorld, files: Record<string, string>) {
  const before = world.main.at(-1)!;
  const after = await world.commit(files, 'change');
  world.main.push(after);
  return { after, delivered: await world.push({ before, after, created: false }) };
}

describe('KEY_HYGIENE_DRY_RUN=true', () => {
  let world: PushWorld;
  let gh: GitHubEmulator;
  beforeAll(async () => {
    world = await startPushWorld(
      'push-dry-run-',
      { 'src/settings.py': 'REGION = "eu"\n' },
      { deps: { settings: { ...defaultSettings, sweepEveryMs: 0, dryRun: true } } },
    );
    gh = world.gh;
  });
  afterAll(() => world.close());

  it('a push that adds a key is scanned and logged: no check run, no incident, no write at all', async () => {
    gh.log.clear();
    const { after, delivered } = await pushCommit(world, {
      'src/config.py': `OPENAI = "${makeKey('openai-project-key', 81)}"\n`,
    });
    expect(delivered.status).toBe(200);
    // It did read the push: the compare was asked for.
    expect(gh.log.entries.some((e) => e.route === 'GET /repos/{owner}/{repo}/compare/{basehead}')).toBe(true);
    expect(gh.store.checkRuns.filter((r) => r.headSha === after)).toEqual([]);
    expect(gh.store.issues).toEqual([]);
    expect(writes(gh)).toEqual([]);
  });
});

describe("`dry-run: true` in the repository's policy", () => {
  const KEY = makeKey('openai-project-key', 82);
  let world: PushWorld;
  let gh: GitHubEmulator;
  let incident: IssueRecord;

  beforeAll(async () => {
    world = await startPushWorld(
      'push-policy-dry-run-',
      { 'src/settings.py': 'REGION = "eu"\n' },
      { permissions: { secrets: 'read', environments: 'read', actions: 'read' } },
    );
    gh = world.gh;
    gh.seed.collaborator('acme/api', 'wendy', 'write');
    // Before the policy says dry-run: a real incident to send commands to.
    expect((await pushCommit(world, { 'src/config.py': `OPENAI = "${KEY}"\n` })).delivered.status).toBe(200);
    incident = gh.store.issues.find((i) => i.labels.includes('leak'))!;
    expect(incident).toMatchObject({ state: 'open', user: BOT });
    // Landed before the pushes below: a push is judged by the config from before it.
    world.main.push(await world.commit({ '.github/key-hygiene.yml': 'dry-run: true\n' }, 'Key Hygiene: dry-run'));
  });
  afterAll(() => world.close());

  /** A comment on the incident, delivered as GitHub would. */
  async function command(body: string) {
    const stored = gh.seed.comment({ repo: 'acme/api', issue: incident.number, body, user: 'wendy' });
    const payload = {
      installation: { id: world.installationId },
      repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
      issue: {
        number: incident.number,
        body: incident.body,
        state: incident.state,
        created_at: incident.createdAt.toISOString(),
        user: { login: BOT, type: 'Bot' },
        labels: incident.labels.map((name) => ({ name })),
      },
      comment: { id: stored.id, body, user: { login: 'wendy', type: 'User' }, performed_via_github_app: null },
      sender: { login: 'wendy', type: 'User' },
    };
    return gh.deliver({
      url: world.url,
      event: 'issue_comment',
      action: 'created',
      payload,
      deliveryId: `comment-${stored.id}`,
    });
  }
  const botReplies = () =>
    gh.store.comments.filter((c) => c.issueNumber === incident.number && c.user === BOT && parseCommentMarker(c.body));

  it('/resolved by a writer neither closes the incident nor answers; /status does not answer', async () => {
    gh.log.clear();
    expect((await command('/resolved revoked at OpenAI')).status).toBe(200);
    expect((await command('/status')).status).toBe(200);
    expect(gh.store.issues.find((i) => i.id === incident.id)!.state).toBe('open');
    expect(botReplies()).toEqual([]);
    expect(writes(gh)).toEqual([]);
    // It did decide: the actor's permission was read.
    expect(
      gh.log.entries.some((e) => e.route === 'GET /repos/{owner}/{repo}/collaborators/{username}/permission'),
    ).toBe(true);
  });

  it('a push that adds another key: no check run, no incident', async () => {
    const issues = gh.store.issues.length;
    gh.log.clear();
    const { after, delivered } = await pushCommit(world, {
      'src/other.py': `OPENAI = "${makeKey('openai-project-key', 83)}"\n`,
    });
    expect(delivered.status).toBe(200);
    expect(gh.store.checkRuns.filter((r) => r.headSha === after)).toEqual([]);
    expect(gh.store.issues).toHaveLength(issues);
    expect(writes(gh)).toEqual([]);
  });
});
