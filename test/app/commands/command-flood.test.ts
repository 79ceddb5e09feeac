import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LIMITS, throttleCommand } from '../../../app/commands/throttle-command.js';
import { MemoryWindows, RedisWindows } from '../../../app/octokit/sliding-windows.js';
import { connectRedis } from '../../../app/octokit/connect-redis.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// Anyone who can comment on a bot issue can send commands. A flood of them by one user is answered
// a bounded number of times, and the installation's writes stay free for what matters: a push that
// adds a key right after still gets its check run and its incident before the flood's minute is out.
// The pacer "sleeps" by moving the emulator's clock (robust-world.ts), so waiting shows as time on it.

const BOT = 'key-hygiene[bot]';

describe('a flood of commands on a bot issue', () => {
  let world: PushWorld;
  let gh: GitHubEmulator;
  beforeAll(async () => {
    world = await startPushWorld(
      'command-flood-',
      { 'src/settings.py': 'REGION = "eu"\n' },
      { deps: (emulator) => ({ now: () => emulator.clock.now(), sleep: async (ms) => emulator.clock.advance(ms) }) },
    );
    gh = world.gh;
  }, 60_000);
  afterAll(() => world?.close());

  it('100 /help by a non-writer: answered once; a push with a key right after gets its check run and incident within the minute', async () => {
    const first = await world.commit(
      { 'src/config.py': `OPENAI = "${makeKey('openai-project-key', 31)}"\n` },
      'add config',
    );
    expect((await world.push({ before: world.main.at(-1)!, after: first })).status).toBe(200);
    const incident = gh.store.issues.find((i) => i.labels.includes('leak'))!;
    expect(incident).toBeDefined();
    const start = gh.clock.now().getTime();

    const help = () => {
      const seeded = gh.seed.comment({ repo: 'acme/api', issue: incident.number, body: '/help', user: 'mallory' });
      return gh.deliver({
        url: world.url,
        event: 'issue_comment',
        action: 'created',
        payload: {
          installation: { id: world.installationId },
          repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
          issue: {
            number: incident.number,
            body: incident.body,
            state: 'open',
            user: { login: BOT, type: 'Bot' },
            labels: incident.labels.map((name) => ({ name })),
          },
          comment: {
            id: seeded.id,
            body: '/help',
            user: { login: 'mallory', type: 'User' },
            performed_via_github_app: null,
          },
          sender: { login: 'mallory', type: 'User' },
        },
      });
    };
    for (let batch = 0; batch < 10; batch++) {
      const results = await Promise.all(Array.from({ length: 10 }, help));
      expect(results.every((r) => r.status === 200)).toBe(true);
    }
    const replies = gh.store.comments.filter(
      (c) => c.repoId === incident.repoId && c.issueNumber === incident.number && c.user === BOT,
    );
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.length).toBeLessThanOrEqual(2);

    const second = await world.commit(
      { 'deploy/.env': `OPENAI_API_KEY=${makeKey('openai-project-key', 32)}\n` },
      'deploy env',
    );
    expect((await world.push({ before: first, after: second })).status).toBe(200);
    expect(gh.store.checkRuns.filter((r) => r.headSha === second)).toEqual([
      expect.objectContaining({ conclusion: 'failure' }),
    ]);
    expect(gh.store.issues.filter((i) => i.labels.includes('leak'))).toHaveLength(2);
    // Nothing waited for GitHub's write window: all of it fits in the minute the flood began.
    expect(gh.clock.now().getTime() - start).toBeLessThan(60_000);
  }, 120_000);
});

describe('throttleCommand', () => {
  const ask = (over: Partial<Parameters<typeof throttleCommand>[1]> = {}) => ({
    installationId: 7,
    repository: 'acme/api',
    issue: 3,
    actor: 'rita',
    command: 'snooze',
    now: 1_000_000,
    isWriter: async () => false,
    ...over,
  });

  it('a user without write access: 10 commands in 10 minutes; with write access, more; the window slides', async () => {
    let windows = new MemoryWindows();
    const answered = async (over: Partial<Parameters<typeof throttleCommand>[1]>, n: number) => {
      let count = 0;
      for (let i = 0; i < n; i++)
        if ((await throttleCommand(windows, ask({ ...over, issue: i }))) === undefined) count += 1;
      return count;
    };
    expect(await answered({ actor: 'rita' }, 15)).toBe(COMMAND_LIMITS.actor[0]!.limit);
    windows = new MemoryWindows();
    expect(await answered({ actor: 'wendy', isWriter: async () => true }, 15)).toBe(15);
    windows = new MemoryWindows();
    expect(await answered({ actor: 'rita' }, 10)).toBe(10);
    expect(await answered({ actor: 'rita', now: 1_000_000 + 10 * 60_000 + 1 }, 3)).toBe(3);
  });

  it('one issue: 20 commands in 10 minutes whoever sends them; /help and /status once each', async () => {
    const windows = new MemoryWindows();
    const results = [];
    for (let i = 0; i < 25; i++) results.push(await throttleCommand(windows, ask({ actor: `user${i}` })));
    expect(results.filter((r) => r === undefined)).toHaveLength(COMMAND_LIMITS.issue[0]!.limit);
    const other = new MemoryWindows();
    expect(await throttleCommand(other, ask({ command: 'help' }))).toBeUndefined();
    expect(await throttleCommand(other, ask({ command: 'help', actor: 'wendy' }))).toMatch(/\/help was answered/);
    expect(await throttleCommand(other, ask({ command: 'status', actor: 'wendy' }))).toBeUndefined();
  });

  it('one installation: commands take at most 20 answers a minute, whoever sends them and wherever, leaving writes for incidents and check runs', async () => {
    const windows = new MemoryWindows();
    const results = [];
    for (let i = 0; i < 30; i++)
      results.push(await throttleCommand(windows, ask({ actor: `user${i}`, issue: i, command: 'rotated' })));
    expect(results.filter((r) => r === undefined)).toHaveLength(COMMAND_LIMITS.installation[0]!.limit);
    expect(results.at(-1)).toMatch(/share of writes for commands is spent/);
    expect(await throttleCommand(windows, ask({ actor: 'late', issue: 99, now: 1_000_000 + 60_001 }))).toBeUndefined();
  });

  describe('with REDIS_URL, the windows are shared by every process', () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedisServer();
    }, 60_000);
    afterAll(() => redis?.stop());

    it('a /help answered through one process is not answered again through another', async () => {
      const [a, b] = [connectRedis(redis.url), connectRedis(redis.url)];
      try {
        expect(await throttleCommand(new RedisWindows(a), ask({ command: 'help' }))).toBeUndefined();
        expect(await throttleCommand(new RedisWindows(b), ask({ command: 'help', actor: 'wendy' }))).toMatch(
          /\/help was answered/,
        );
      } finally {
        a.disconnect();
        b.disconnect();
      }
    });
  });
});
