import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { AppRecord, GitHubEmulator, IssueRecord } from '../../support/github-emulator/index.js';
import { buildAppIfStale, startProbotRun, type AppProcess } from '../../support/app-process.js';
import {
  startOpenAiAdminEmulator,
  type OpenAiAdminEmulator,
  type SeededKey,
} from '../../support/openai-admin-emulator.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// Revocation checked at the provider, end to end: the real `probot run` process with an OpenAI admin
// key in its environment (KEY_HYGIENE_OPENAI_ADMIN_KEY, OPENAI_BASE_URL at the emulator), the GitHub
// emulator delivering signed webhooks, the OpenAI admin emulator, real Redis. A pushed key that OpenAI
// lists makes an incident saying it is still active; the incident stays open while it is, even with
// every secret rotated; `/revoke` asks, `/revoke confirm` by a writer deletes it at OpenAI, records who,
// and closes the incident; a reader is refused; dry-run revokes nothing. The admin key is nowhere in
// what the App printed or wrote, nor in Redis.

const BOT = 'key-hygiene[bot]';

let world: PushWorld;
let gh: GitHubEmulator;
let app: AppRecord;
let openai: OpenAiAdminEmulator;
let redis: RedisServer;
let server: AppProcess | undefined;
let url: string;
let admin: SeededKey;
let leaked: SeededKey;
let other: SeededKey;
let project: { id: string; name: string };

beforeAll(async () => {
  buildAppIfStale();
  world = await startPushWorld(
    'revoke-process-',
    { 'src/settings.py': 'REGION = "eu"\n' },
    { permissions: { secrets: 'read', environments: 'read', actions: 'read' } },
  );
  gh = world.gh;
  app = [...gh.store.apps.values()][0]!;
  gh.seed.collaborator('acme/api', 'wendy', 'write');
  gh.seed.collaborator('acme/api', 'rita', 'read');
  openai = await startOpenAiAdminEmulator();
  admin = openai.addAdminKey({ name: 'key-hygiene app' });
  project = openai.addProject({ name: 'Web <b>@acme/all</b>' });
  const mona = openai.addUser(project.id, { name: 'Mona', email: 'mona@example.com' });
  leaked = openai.addKey(project.id, { name: 'ci-deploy', owner: mona.id, lastUsedAt: { hoursAgo: 2 } });
  other = openai.addKey(project.id, { name: 'batch', owner: mona.id, lastUsedAt: { daysAgo: 3 } });
  redis = await startRedisServer();
  const running = await startProbotRun({
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.webhookSecret,
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'debug',
    REDIS_URL: redis.url,
    KEY_HYGIENE_OPENAI_ADMIN_KEY: admin.value,
    OPENAI_BASE_URL: openai.url,
  });
  ({ url } = running);
  server = running;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await redis?.stop();
  await openai?.close();
  await world?.close();
});

const output = () => server!.output.join('');
/** The `msg` of every JSON log line the process printed. */
const logMessages = () =>
  output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => String((JSON.parse(line) as { msg?: string }).msg ?? ''));
const incidentOf = (key: SeededKey): IssueRecord | undefined =>
  gh.store.issues.find((i) => parseIncidentMarker(i.body)?.providerKey?.id === key.id);
const issueNow = (issue: IssueRecord) => gh.store.issues.find((i) => i.id === issue.id)!;
const repliesTo = (issue: IssueRecord, id: number) =>
  gh.store.comments.filter(
    (c) =>
      c.repoId === issue.repoId &&
      c.issueNumber === issue.number &&
      c.user === BOT &&
      parseCommentMarker(c.body)?.replyTo === id,
  );

/** A signed push delivery of main's `before..after` to the `probot run` process. */
async function push(files: Record<string, string>): Promise<void> {
  const before = world.main.at(-1)!;
  const after = await world.commit(files, 'change');
  world.main.push(after);
  const payload = {
    ref: 'refs/heads/main',
    before,
    after,
    created: false,
    deleted: false,
    forced: false,
    installation: { id: world.installationId },
    repository: {
      name: 'api',
      full_name: 'acme/api',
      owner: { login: 'acme', name: 'acme' },
      default_branch: 'main',
      master_branch: 'main',
    },
  };
  expect((await gh.deliver({ url, event: 'push', payload })).status, output()).toBe(200);
}

/** Polls until `ok()` (a child's output arrives when it arrives); fails after 30 s with `why()`. */
async function eventually(ok: () => boolean, why: () => string): Promise<void> {
  for (const deadline = Date.now() + 30_000; !ok(); await new Promise((resolve) => setTimeout(resolve, 100)))
    if (Date.now() > deadline) throw new Error(`not seen within 30 s:\n${why()}`);
}

/** `login` comments `body` on `issue`; delivered to the process as GitHub would; returns the comment's id. */
async function comment(issue: IssueRecord, login: string, body: string): Promise<number> {
  const stored = gh.seed.comment({ repo: 'acme/api', issue: issue.number, body, user: login });
  const current = issueNow(issue);
  const payload = {
    installation: { id: world.installationId },
    repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
    issue: {
      number: current.number,
      body: current.body,
      state: current.state,
      created_at: current.createdAt.toISOString(),
      user: { login: BOT, type: 'Bot' },
      labels: current.labels.map((name) => ({ name })),
    },
    comment: { id: stored.id, body, user: { login, type: 'User' }, performed_via_github_app: null },
    sender: { login, type: 'User' },
  };
  const delivered = await gh.deliver({ url, event: 'issue_comment', action: 'created', payload });
  expect(delivered.status, output()).toBe(200);
  return stored.id;
}

/** Every value in Redis, whatever its type, as text. */
async function redisDump(): Promise<string> {
  const client = new Redis(redis.url);
  try {
    const parts: string[] = [];
    for (const key of await client.keys('*')) {
      const type = await client.type(key);
      const value =
        type === 'string'
          ? await client.getBuffer(key)
          : type === 'hash'
            ? await client.hgetall(key)
            : type === 'list'
              ? await client.lrange(key, 0, -1)
              : type === 'set'
                ? await client.smembers(key)
                : type === 'zset'
                  ? await client.zrange(key, 0, -1)
                  : type === 'stream'
                    ? await client.xrange(key, '-', '+')
                    : '';
      parts.push(key, Buffer.isBuffer(value) ? value.toString('latin1') : JSON.stringify(value));
    }
    return parts.join('\n');
  } finally {
    client.disconnect();
  }
}

describe('a leaked key OpenAI lists, revoked through the incident (real `probot run`)', () => {
  let incident: IssueRecord;

  it('a push of the key opens an incident that says it is still active at OpenAI: project, key, last use', async () => {
    await push({ 'src/config.py': `OPENAI = "${leaked.value}"\n` });
    incident = incidentOf(leaked)!;
    expect(incident, output()).toBeDefined();
    const day = openai.key(leaked.id)!.lastUsedAt;
    expect(incident.body).toContain(
      `**Still active at OpenAI** — project Web &lt;b&gt;@\u200bacme/all&lt;/b&gt; (\`${project.id}\`), key \`ci-deploy\`, last used ${new Date(Number(day) * 1000).toISOString().slice(0, 10)}.`,
    );
    expect(parseIncidentMarker(incident.body)!.providerKey).toMatchObject({
      provider: 'openai',
      id: leaked.id,
      name: 'ci-deploy',
    });
  });

  it('stays open on a re-check while OpenAI lists the key as active, even with every secret rotated since', async () => {
    gh.seed.secret({
      scope: 'repo',
      repo: 'acme/api',
      name: 'OPENAI_API_KEY',
      updatedAt: new Date(Date.now() + 60_000),
    });
    const id = await comment(incident, 'rita', '/rotated');
    const [reply] = repliesTo(incident, id);
    expect(reply?.body, output()).toMatch(/^I re-checked\. \*\*Still active at OpenAI\*\* — project Web/);
    expect(issueNow(incident).state).toBe('open');
  });

  it("a reader's /revoke confirm is refused in one line, and nothing is revoked", async () => {
    const id = await comment(incident, 'rita', '/revoke confirm');
    expect(repliesTo(incident, id)[0]?.body.split('\n\n')[0]).toMatch(
      /^Sorry rita, `\/revoke` revokes the key at its provider/,
    );
    expect(openai.key(leaked.id)!.deleted).toBe(false);
  });

  it('/revoke by a writer says what it will revoke and asks for /revoke confirm', async () => {
    const early = await comment(incident, 'wendy', '/revoke confirm');
    expect(repliesTo(incident, early)[0]?.body).toMatch(/^Comment `\/revoke` first/);
    const id = await comment(incident, 'wendy', '/revoke');
    expect(repliesTo(incident, id)[0]?.body).toMatch(
      new RegExp(
        `^This revokes the OpenAI key project Web .*\\(\`${project.id}\`\\), key \`ci-deploy\` \`sk-proj\\.\\.\\.${leaked.value.slice(-3)}\`: .*\`/revoke confirm\` within 60 minutes`,
      ),
    );
    expect(parseIncidentMarker(issueNow(incident).body)!.revokeAsked?.by).toBe('wendy');
    expect(openai.key(leaked.id)!.deleted).toBe(false);
  });

  it('/revoke confirm by the writer deletes the key at OpenAI, records who did it, and the incident closes', async () => {
    const id = await comment(incident, 'wendy', '/revoke confirm');
    expect(openai.key(leaked.id)!.deleted, output()).toBe(true);
    expect(openai.key(other.id)!.deleted).toBe(false);
    const [reply, ...more] = repliesTo(incident, id);
    expect(more).toEqual([]);
    expect(reply!.body).toMatch(
      /^Revoked at OpenAI by wendy: project Web .*, key `ci-deploy`\. OpenAI no longer lists it as active, so I am closing this incident\./,
    );
    const closed = issueNow(incident);
    expect(closed.state).toBe('closed');
    expect(parseIncidentMarker(closed.body)!.revoked?.by).toBe('wendy');
  });

  it('dry-run (the policy says so): /revoke confirm logs what it would revoke and revokes nothing', async () => {
    await push({ 'deploy/.env': `OPENAI_API_KEY=${other.value}\n` });
    const second = incidentOf(other)!;
    expect(second.body).toContain('**Still active at OpenAI**');
    await world.commit({ '.github/key-hygiene.yml': 'dry-run: true\n' }, 'dry run');
    const asked = await comment(second, 'wendy', '/revoke');
    const confirmed = await comment(second, 'wendy', '/revoke confirm');
    // The process prints its log line after it answers the delivery: wait for it, generously.
    const line = new RegExp(
      `^dry-run: would revoke the OpenAI key "${other.id}", revoking nothing, for /revoke on leak`,
    );
    await eventually(() => logMessages().some((m) => line.test(m)), output);
    expect(openai.key(other.id)!.deleted).toBe(false);
    expect([...repliesTo(second, asked), ...repliesTo(second, confirmed)]).toEqual([]);
    expect(issueNow(second).state).toBe('open');
  });

  it('the admin key and the leaked keys are in no log line, issue, comment, check run or Redis value', async () => {
    const written = JSON.stringify([gh.store.issues, gh.store.comments, gh.store.checkRuns]);
    const stored = await redisDump();
    expect(stored.length).toBeGreaterThan(0);
    for (const secret of [admin.value, leaked.value, other.value]) {
      expect(output()).not.toContain(secret);
      expect(written).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });
});
