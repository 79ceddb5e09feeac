import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentPacer } from '../../../app/octokit/content-pacer.js';
import type { AppRecord, GitHubEmulator } from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { createBareWorld, startAppWith } from '../support/robust-world.js';

/** A clock that only moves when the pacer "sleeps". */
function fakeTime() {
  const time = { now: 0, slept: [] as number[] };
  const deps = {
    now: () => time.now,
    sleep: async (ms: number) => {
      time.slept.push(ms);
      time.now += ms;
    },
  };
  return { time, deps };
}

const mostInAnyWindow = (stamps: number[], windowMs: number) =>
  Math.max(...stamps.map((start) => stamps.filter((at) => at >= start && at < start + windowMs).length));

describe('ContentPacer', () => {
  it('lets 80 writes through at once, then spaces the rest so no 60 seconds hold more than 80', async () => {
    const { time, deps } = fakeTime();
    const pacer = new ContentPacer([{ limit: 80, windowMs: 60_000 }], deps);
    const stamps: number[] = [];
    for (let i = 0; i < 200; i++) {
      await pacer.take();
      stamps.push(time.now);
    }
    expect(stamps.slice(0, 80).every((at) => at === 0)).toBe(true);
    expect(mostInAnyWindow(stamps, 60_000)).toBe(80);
    expect(time.now).toBe(120_000);
    expect(pacer.waitedMs).toBe(120_000);
  });

  it('obeys every window (80 a minute and 500 an hour) and serves concurrent callers in turn', async () => {
    const { time, deps } = fakeTime();
    const pacer = new ContentPacer(
      [
        { limit: 3, windowMs: 1_000 },
        { limit: 5, windowMs: 10_000 },
      ],
      deps,
    );
    const stamps: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pacer.take();
      stamps.push(time.now);
    }
    expect(stamps).toEqual([0, 0, 0, 1_000, 1_000, 10_000, 10_000]);
    // Seven more at once: each waits its turn, the windows still hold.
    await Promise.all(Array.from({ length: 7 }, () => pacer.take()));
    expect(time.now).toBe(21_000);
  });
});

describe('a sweep that writes more than 80 times', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;

  beforeAll(async () => {
    ({ gh, app } = await createBareWorld());
    gh.seed.repo({ fullName: 'acme/big' });
    const old = new Date(gh.clock.now().getTime() - 100 * DAY);
    for (let i = 0; i < 95; i++)
      gh.seed.secret({ scope: 'repo', repo: 'acme/big', name: `VENDOR_${i}_API_KEY`, updatedAt: old });
    // The pacer "sleeps" by moving the emulator's clock, which is what GitHub's limit is counted on.
    running = await startAppWith(gh, app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('stays under the secondary limit with throttling off: no 403, every issue written', async () => {
    const started = gh.clock.now().getTime();
    const result = await running.sweep({ maxContentPerSweep: 200 });
    expect(result.failed).toEqual([]);
    expect(gh.log.entries.filter((e) => e.status === 403 && e.method !== 'GET')).toEqual([]);
    expect(gh.store.issues.filter((i) => i.repoId === gh.store.repo('acme', 'big')!.id)).toHaveLength(96);
    const writes = gh.log.entries
      .filter((e) => e.method !== 'GET' && !e.path.includes('/access_tokens'))
      .map((e) => Date.parse(e.at));
    expect(writes.length).toBeGreaterThan(80);
    expect(mostInAnyWindow(writes, 60_000)).toBeLessThanOrEqual(80);
    expect(gh.clock.now().getTime() - started).toBeGreaterThanOrEqual(60_000);
  });
});
