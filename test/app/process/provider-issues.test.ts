import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDashboard } from '../../../src/tracking/dashboard-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import { buildAppIfStale, spawnSweepOnce, startProbotRun } from '../../support/app-process.js';
import { startGitHubEmulator, type AppRecord, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { startAnthropicAdminEmulator } from '../../support/anthropic-admin-emulator.js';
import { startOpenAiAdminEmulator, type SeededKey } from '../../support/openai-admin-emulator.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { PERMISSIONS } from '../support/robust-world.js';

// The App's org sweep with the server's OpenAI admin key (KEY_HYGIENE_OPENAI_ADMIN_KEY): real
// `key-hygiene-app sweep --once` processes against the GitHub emulator and the OpenAI Administration
// API emulator. One issue per provider-side problem in the org-secrets repository (acme/.github), none
// twice, closed when the key is deleted; an admin API that refuses leaves them open and the sweep goes
// on; the admin key shows in no output, issue, comment, label or Redis value.

type OpenAi = Awaited<ReturnType<typeof startOpenAiAdminEmulator>>;

interface World {
  gh: GitHubEmulator;
  app: AppRecord;
  openai: OpenAi;
  admin: SeededKey;
  keys: { prod: SeededKey; idle: SeededKey; bobs: SeededKey; fresh: SeededKey };
  project: string;
  outputs: string[];
}

let world: World;

beforeAll(async () => {
  buildAppIfStale();
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
  gh.seed.repo({ fullName: 'acme/.github', files: { '.github/CODEOWNERS': '* @mona\n' } });
  gh.seed.collaborator('acme/.github', 'mona', 'write');
  gh.seed.repo({ fullName: 'acme/web' });
  gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
  // The processes judge ages by the host's clock: the provider's starts there.
  const openai = await startOpenAiAdminEmulator({ now: new Date() });
  const admin = openai.addAdminKey({ name: 'key-hygiene-app', expiresAt: { daysAgo: -90 } });
  const web = openai.addProject({ name: 'web' });
  const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
  const bob = openai.addUser(web.id, { name: 'Bob', email: 'bob@example.com' });
  const bot = openai.addServiceAccount(web.id, 'deploy-bot');
  const keys = {
    prod: openai.addKey(web.id, {
      name: 'prod',
      owner: mona.id,
      createdAt: { daysAgo: 400 },
      lastUsedAt: { hoursAgo: 2 },
    }),
    idle: openai.addKey(web.id, { name: 'idle', owner: mona.id, createdAt: { daysAgo: 60 } }),
    bobs: openai.addKey(web.id, {
      name: 'bobs',
      owner: bob.id,
      createdAt: { daysAgo: 10 },
      lastUsedAt: { hoursAgo: 1 },
    }),
    fresh: openai.addKey(web.id, {
      name: 'fresh',
      owner: bot.id,
      createdAt: { daysAgo: 5 },
      lastUsedAt: { hoursAgo: 1 },
    }),
  };
  openai.removeUser(web.id, bob.id);
  world = { gh, app, openai, admin, keys, project: web.id, outputs: [] };
}, 180_000);

afterAll(async () => {
  await world?.openai.close();
  await world?.gh.close();
});

function envOf(w: World, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    APP_ID: String(w.app.id),
    PRIVATE_KEY: w.app.privateKey.replace(/\n/g, '\\n'),
    GHE_HOST: w.gh.host,
    GHE_PROTOCOL: 'http',
    KEY_HYGIENE_OPENAI_ADMIN_KEY: w.admin.value,
    OPENAI_BASE_URL: w.openai.url,
    ...extra,
  };
}

async function sweep(w: World, extra: NodeJS.ProcessEnv = {}): Promise<string> {
  w.gh.clock.set(new Date());
  const run = spawnSweepOnce(envOf(w, extra));
  const code = await run.exited;
  const output = run.output.join('');
  w.outputs.push(output);
  expect(code, output).toBe(0);
  return output;
}

const repoId = (w: World) => w.gh.store.repo('acme', '.github')!.id;
const providerIssues = (w: World) =>
  w.gh.store.issuesOf(repoId(w)).filter((i) => parseKeyMarker(i.body)?.key.startsWith('provider:'));
const openIds = (w: World) =>
  providerIssues(w)
    .filter((i) => i.state === 'open')
    .map((i) => parseKeyMarker(i.body)!.key)
    .sort();
const dashboard = (w: World) => w.gh.store.issuesOf(repoId(w)).find((i) => i.state === 'open' && isDashboard(i.body))!;

describe('the org sweep audits the provider with the server’s admin key', () => {
  it('in a dry run, reads the provider and only logs the issues it would open', async () => {
    const w = world;
    const output = await sweep(w, { KEY_HYGIENE_DRY_RUN: 'true' });
    expect(output).toContain('dry-run: would open "Rotate the OpenAI key prod (project web): created');
    expect(output).toContain('dry-run: would open "Delete the unused OpenAI key idle (project web)"');
    expect(providerIssues(w)).toEqual([]);
  }, 120_000);

  it('opens one issue per provider-side problem in the org-secrets repository, with the dashboard section', async () => {
    const w = world;
    await sweep(w);
    const { prod, idle, bobs } = w.keys;
    expect(openIds(w)).toEqual(
      [
        `provider:openai:${prod.id}:overdue`,
        `provider:openai:${idle.id}:unused`,
        `provider:openai:${bobs.id}:orphaned`,
      ].sort(),
    );
    const orphaned = providerIssues(w).find((i) => i.labels.includes('orphaned-key'))!;
    expect(orphaned.title).toBe('Replace the orphaned OpenAI key bobs (project web): its owner lost access');
    expect(orphaned.labels).toEqual(['key-hygiene', 'provider-key', 'orphaned-key']);
    expect(orphaned.assignees).toEqual(['mona']);
    expect(orphaned.body).toContain(`\`${w.project}\``);
    expect(dashboard(w).body).toContain('## Provider keys (3)');
    expect(dashboard(w).body).toMatch(/\| OpenAI \| orphaned \| 1 \| #\d+ \|/);
    // No other repository gets provider issues, nor the section.
    const web = w.gh.store.repo('acme', 'web')!.id;
    expect(w.gh.store.issuesOf(web).some((i) => (i.body ?? '').includes('Provider keys'))).toBe(false);
  }, 120_000);

  it('a second sweep opens nothing new', async () => {
    const w = world;
    const before = providerIssues(w).length;
    await sweep(w);
    expect(providerIssues(w)).toHaveLength(before);
    expect(openIds(w)).toHaveLength(3);
  }, 120_000);

  it('closes the issue of a key deleted at the provider', async () => {
    const w = world;
    const { idle } = w.keys;
    const deleted = await fetch(`${w.openai.url}/organization/projects/${w.project}/api_keys/${idle.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.admin.value}` },
    });
    expect(deleted.status).toBe(200);
    await sweep(w);
    const issue = providerIssues(w).find((i) => parseKeyMarker(i.body)!.key.includes(idle.id))!;
    expect(issue.state).toBe('closed');
    const comments = w.gh.store.commentsOf(repoId(w), issue.number);
    expect(comments.at(-1)!.body).toMatch(/OpenAI no longer lists the key `[^`]+` as active/);
    expect(openIds(w)).toHaveLength(2);
  }, 120_000);

  it('an admin API that answers 401 is one log line naming the variable and the status; the sweep goes on and the issues stay open', async () => {
    const w = world;
    w.openai.failNext('/organization/projects', { status: 401, times: 10 });
    const output = await sweep(w);
    expect(output).toMatch(/OpenAI's admin API answered HTTP 401 for KEY_HYGIENE_OPENAI_ADMIN_KEY/);
    expect(output).toMatch(/swept 2 repositories in 1 installations/);
    expect(openIds(w)).toHaveLength(2);
    expect(dashboard(w).body).toMatch(/could not read OpenAI's keys \(`KEY_HYGIENE_OPENAI_ADMIN_KEY`, HTTP 401\)/);
  }, 120_000);

  it('answers /status, /snooze and /exempt on a provider issue through the real `probot run`; an exempt one never reopens', async () => {
    const w = world;
    const server = await startProbotRun({
      ...envOf(w),
      WEBHOOK_SECRET: w.app.webhookSecret,
      PRIVATE_KEY: w.app.privateKey,
      LOG_LEVEL: 'info',
    });
    try {
      const byProblem = (label: string) => providerIssues(w).find((i) => i.labels.includes(label))!;
      const replies = (number: number) =>
        w.gh.store.commentsOf(repoId(w), number).filter((c) => c.user === 'key-hygiene[bot]');
      const orphaned = byProblem('orphaned-key');
      const before = replies(orphaned.number).length;
      w.gh.act.comment({ repo: 'acme/.github', issue: orphaned.number, body: '/status', user: 'mona' });
      await until(() => replies(orphaned.number).length > before);
      expect(replies(orphaned.number).at(-1)!.body).toMatch(/Status of the OpenAI key `[^`]+`:\n- problem: orphaned/);
      w.gh.act.comment({
        repo: 'acme/.github',
        issue: orphaned.number,
        body: '/snooze 7d rotating it this week',
        user: 'mona',
      });
      await until(() => parseKeyMarker(byProblem('orphaned-key').body)?.snooze !== undefined);
      expect(parseKeyMarker(byProblem('orphaned-key').body)!.snooze).toMatchObject({ by: 'mona' });

      const overdue = byProblem('overdue');
      w.gh.act.comment({
        repo: 'acme/.github',
        issue: overdue.number,
        body: '/exempt break-glass key, kept on purpose',
        user: 'mona',
      });
      await until(() => byProblem('overdue').state === 'closed');
      expect(byProblem('overdue').stateReason).toBe('not_planned');
      w.outputs.push(server.output.join(''));
    } finally {
      await server.stop();
    }
    const count = providerIssues(w).length;
    await sweep(w);
    expect(providerIssues(w)).toHaveLength(count);
    expect(openIds(w)).toEqual([`provider:openai:${w.keys.bobs.id}:orphaned`]);
  }, 180_000);

  it('through the Redis queue too, and the admin key is in no output, issue, comment, label or Redis value', async () => {
    const w = world;
    const redis: RedisServer = await startRedisServer();
    try {
      const asked = w.openai.requestCount('/organization/projects');
      await sweep(w, { REDIS_URL: redis.url });
      // The organisation's job audited the provider, and kept the issue of the key still there.
      expect(w.openai.requestCount('/organization/projects')).toBeGreaterThan(asked);
      expect(openIds(w)).toEqual([`provider:openai:${w.keys.bobs.id}:orphaned`]);
      const values = await dumpRedis(redis.url);
      expect(values.length).toBeGreaterThan(0);
      expect(values.join('\n')).not.toContain(w.admin.value);
    } finally {
      await redis.stop();
    }
    const secret = w.admin.value;
    const written = [
      ...w.outputs,
      ...w.gh.store.issues.flatMap((i) => [i.title, i.body ?? '', ...i.labels]),
      ...w.gh.store.comments.map((c) => c.body),
      ...w.gh.store.labels.flatMap((l) => [l.name, l.description ?? '']),
    ].join('\n');
    expect(written).toContain('KEY_HYGIENE_OPENAI_ADMIN_KEY');
    expect(written).not.toContain(secret);
    // Nor any recognisable part of it beyond the redacted form OpenAI itself shows.
    expect(written).not.toContain(secret.slice(0, 24));
  }, 180_000);
});

/** Waits (generously: a busy machine) until `done` holds. */
async function until(done: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out waiting for the App');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every value Redis holds, as text, whatever its type. */
async function dumpRedis(url: string): Promise<string[]> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const out: string[] = [];
    for (const key of await redis.keys('*')) {
      out.push(key);
      const type = await redis.type(key);
      if (type === 'string') out.push((await redis.getBuffer(key))!.toString('latin1'));
      else if (type === 'hash') out.push(...Object.entries(await redis.hgetall(key)).flat());
      else if (type === 'list') out.push(...(await redis.lrange(key, 0, -1)));
      else if (type === 'set') out.push(...(await redis.smembers(key)));
      else if (type === 'zset') out.push(...(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') out.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    return out;
  } finally {
    redis.disconnect();
  }
}

describe('one admin key, one organisation', () => {
  it('with several installations it refuses to guess until KEY_HYGIENE_PROVIDER_AUDIT_ORG names one', async () => {
    const gh = await startGitHubEmulator();
    const openai = await startOpenAiAdminEmulator({ now: new Date() });
    try {
      const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
      for (const org of ['acme', 'globex']) {
        gh.seed.repo({ fullName: `${org}/.github` });
        gh.seed.installation({ account: org, permissions: { ...PERMISSIONS } });
      }
      const admin = openai.addAdminKey({ name: 'key-hygiene-app', expiresAt: { daysAgo: -90 } });
      const project = openai.addProject({ name: 'web' });
      const mona = openai.addUser(project.id, { name: 'Mona', email: 'mona@example.com' });
      openai.addKey(project.id, {
        name: 'old',
        owner: mona.id,
        createdAt: { daysAgo: 400 },
        lastUsedAt: { hoursAgo: 1 },
      });
      const w: World = { gh, app, openai, admin, keys: world.keys, project: project.id, outputs: [] };
      const issuesIn = (org: string) =>
        gh.store
          .issuesOf(gh.store.repo(org, '.github')!.id)
          .filter((i) => parseKeyMarker(i.body)?.key.startsWith('provider:'));

      const refused = await sweep(w);
      expect(refused).toMatch(
        /provider audit skipped: KEY_HYGIENE_OPENAI_ADMIN_KEY is set but the App has 2 installations; set KEY_HYGIENE_PROVIDER_AUDIT_ORG/,
      );
      expect(openai.requestCount('/organization')).toBe(0);
      expect([...issuesIn('acme'), ...issuesIn('globex')]).toEqual([]);

      await sweep(w, { KEY_HYGIENE_PROVIDER_AUDIT_ORG: 'Globex' });
      expect(issuesIn('acme')).toEqual([]);
      expect(issuesIn('globex').map((i) => i.labels)).toEqual([['key-hygiene', 'provider-key', 'overdue']]);
      expect(w.outputs.join('\n')).not.toContain(admin.value);
    } finally {
      await openai.close();
      await gh.close();
    }
  }, 180_000);
});

describe('two providers', () => {
  it('audits Anthropic beside OpenAI: a refused OpenAI admin key stops neither the sweep nor Anthropic’s issues', async () => {
    const gh = await startGitHubEmulator();
    const openai = await startOpenAiAdminEmulator({ now: new Date() });
    const anthropic = await startAnthropicAdminEmulator({ now: new Date() });
    try {
      const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
      gh.seed.repo({ fullName: 'acme/.github' });
      gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
      // An admin key OpenAI does not know: every admin request answers 401.
      const wrong = { id: 'key_wrong', value: ['sk', 'admin', 'W7ong'.repeat(10)].join('-'), redacted: 'sk-admin-…' };
      const antAdmin = anthropic.addAdminKey({ name: 'key-hygiene-app' });
      const ann = anthropic.addUser({ name: 'Ann', email: 'ann@example.com' });
      const old = anthropic.addKey({
        // A name anyone in the provider organisation may give a key: the App's own admin key.
        name: `batch ${antAdmin.value}`,
        createdBy: ann.id,
        createdAt: new Date(Date.now() - 400 * 86_400_000),
      });
      anthropic.recordUsage(old.id, new Date(Date.now() - 3_600_000), { inputTokens: 10, outputTokens: 10 });
      const w: World = { gh, app, openai, admin: wrong, keys: world.keys, project: '', outputs: [] };
      const output = await sweep(w, {
        KEY_HYGIENE_ANTHROPIC_ADMIN_KEY: antAdmin.value,
        ANTHROPIC_BASE_URL: anthropic.url,
      });
      expect(output).toMatch(/OpenAI's admin API answered HTTP 401 for KEY_HYGIENE_OPENAI_ADMIN_KEY/);
      const repo = gh.store.repo('acme', '.github')!.id;
      const issues = gh.store.issuesOf(repo).filter((i) => parseKeyMarker(i.body)?.key.startsWith('provider:'));
      expect(issues.map((i) => parseKeyMarker(i.body)!.key)).toEqual([`provider:anthropic:${old.id}:overdue`]);
      const board = gh.store.issuesOf(repo).find((i) => isDashboard(i.body))!;
      expect(board.body).toMatch(/\| Anthropic \| overdue \| 1 \| #\d+ \|/);
      expect(board.body).toContain("could not read OpenAI's keys (`KEY_HYGIENE_OPENAI_ADMIN_KEY`, HTTP 401)");
      const written = [
        output,
        ...gh.store.issues.map((i) => `${i.title}\n${i.body}`),
        ...gh.store.comments.map((c) => c.body),
      ];
      // Whole or cut short (names are shortened in titles and tables), no part of the admin key shows.
      expect(written.join('\n')).not.toContain(antAdmin.value.slice(0, 40));
      expect(written.join('\n')).toContain('[admin key]');
      expect(written.join('\n')).not.toContain(wrong.value);
    } finally {
      await anthropic.close();
      await openai.close();
      await gh.close();
    }
  }, 180_000);
});
