import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botLoginOf } from '../../../app/github/bot-login.js';
import { createClientCare, type ClientCare } from '../../../app/octokit/prepare-client.js';
import { sweepRepo } from '../../../app/sweep/sweep-repo.js';
import { createRepoLock, type RepoLock } from '../../../app/repo/with-repo-lock.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { DAY } from '../support/app-world.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// The sweep's request budget meets pushes: a sweep that has spent its share of the hour
// waits for the reset — and it waits before it takes the repository's lock, so a push to that
// repository gets its check run and its incident at once. The emulator's small rate limit; the
// budget's "sleep" is held by the test until it lets go, then moves the emulator's clock.

const HOUR = 3_600_000;
const KEY = makeKey('openai-project-key', 95);

/** Sleeps that wait for the test: each one is held until `release()`, then moves the clock. */
function gatedSleep(gh: () => GitHubEmulator) {
  const held: Array<() => void> = [];
  return {
    held,
    sleep: (ms: number) =>
      new Promise<void>((resolve) =>
        held.push(() => {
          gh().clock.advance(ms);
          resolve();
        }),
      ),
    release: () => held.splice(0).forEach((go) => go()),
  };
}

/** Yields to the event loop (real I/O included) until `done()`, for at most `ms` of real time. */
async function until(done: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  return done();
}

describe('a sweep paused on the request budget', () => {
  let world: PushWorld;
  let gh: GitHubEmulator;
  let care: ClientCare;
  const lock: RepoLock = createRepoLock();
  const gate = gatedSleep(() => gh);

  beforeAll(async () => {
    world = await startPushWorld(
      'budget-push-',
      { 'src/settings.py': 'REGION = "eu"\n' },
      {
        permissions: { secrets: 'read', environments: 'read', actions: 'read' },
        // Probot caches installation tokens by the host clock, which does not move: the emulator's must outlive the pause.
        emulator: { limits: { tokenLifetimeMs: 48 * HOUR } },
        deps: (emulator) => {
          care = createClientCare(
            { now: () => emulator.clock.now().getTime(), sleep: gate.sleep },
            { budgetShare: 0.5 },
          );
          return { clients: care, lock };
        },
      },
    );
    gh = world.gh;
    gh.seed.secret({
      scope: 'repo',
      repo: 'acme/api',
      name: 'OPENAI_API_KEY',
      updatedAt: new Date(gh.clock.now().getTime() - 100 * DAY),
    });
    gh.rateLimiter.setLimit(`installation:${world.installationId}`, 60);
  });
  afterAll(async () => {
    gate.release();
    await world.close();
  });

  it('does not delay a push to its repository: the check run completes and the incident opens while the sweep waits', async () => {
    const sweep = await world.probot.auth(world.installationId);
    // 60 an hour, the sweeps' share 30: 24 spent elsewhere, 1 by the sweep client — fewer than a repository's sweep needs.
    const limitKey = `installation:${world.installationId}`;
    for (let i = 0; i < 24; i++) gh.rateLimiter.consume(limitKey);
    await sweep.request('GET /repos/{owner}/{repo}/actions/secrets', { owner: 'acme', repo: 'api' });
    expect(care.budgetOf(world.installationId).known?.remaining).toBe(35);

    let swept = false;
    const sweeping = sweepRepo({
      octokit: sweep,
      owner: 'acme',
      repo: 'api',
      botLogin: await botLoginOf(world.probot),
      now: gh.clock.now(),
      dryRun: false,
      budget: { remaining: 50 },
      log: () => undefined,
      lock,
    }).then((result) => {
      swept = true;
      return result;
    });
    expect(await until(() => gate.held.length > 0)).toBe(true);
    const pausedAt = gh.clock.now().getTime();

    const before = world.main.at(-1)!;
    const after = await world.commit({ 'src/config.py': `OPENAI = "${KEY}"\n` }, 'add config');
    const delivery = world.push({ before, after, created: false });
    // A guard against the old behaviour (the push waiting on the lock for the sweep's hour): it would hang here.
    // The bar only tells a hang from a busy machine: the push answers in a second or two when idle.
    const answered = await Promise.race([
      delivery.then((d) => d.status),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 60_000)),
    ]);
    expect(answered).toBe(200);
    expect(swept).toBe(false);
    expect(gh.clock.now().getTime()).toBe(pausedAt);
    expect(gh.store.checkRuns.filter((r) => r.headSha === after)).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'failure' }),
    ]);
    expect(gh.store.issues.filter((i) => i.labels.includes('leak'))).toHaveLength(1);

    // The reset comes: the sweep goes on, and opens its issue for the overdue secret.
    gate.release();
    const result = await sweeping;
    expect(gh.clock.now().getTime()).toBeGreaterThan(pausedAt + 50 * 60_000);
    expect(result.actions.map((a) => a.type)).toContain('open');
    expect(gh.store.issues.some((i) => i.title.includes('OPENAI_API_KEY'))).toBe(true);
  });
});
