import { describe, expect, it } from 'vitest';
import { startScheduler, type SchedulerTimers } from '../../../app/schedule/start-scheduler.js';
import { readSettings } from '../../../app/settings.js';

/** A clock the test moves: timeouts and intervals fire when it passes their time; `random` returns the given values in turn. */
function fakeClock(randoms: number[]) {
  let now = 0;
  let next = 0;
  const timers: Array<{ id: number; at: number; every?: number; run: () => void; cleared: boolean; unref: boolean }> =
    [];
  const add = (run: () => void, ms: number, every?: number) => {
    const entry = {
      id: next++,
      at: now + ms,
      ...(every !== undefined && { every }),
      run,
      cleared: false,
      unref: false,
    };
    timers.push(entry);
    return entry;
  };
  let r = 0;
  const api: SchedulerTimers = {
    setTimeout: (run, ms) => {
      const entry = add(run, ms);
      return { unref: () => (entry.unref = true) };
    },
    setInterval: (run, ms) => {
      const entry = add(run, ms, ms);
      return { unref: () => (entry.unref = true), entry };
    },
    clearInterval: (handle) => {
      (handle as { entry: { cleared: boolean } }).entry.cleared = true;
    },
    random: () => randoms[r++ % randoms.length]!,
  };
  /** Moves to `to` ms, firing what falls due in order, and lets the promises they start settle. */
  async function advanceTo(to: number): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const due = timers.filter((t) => !t.cleared && t.at <= to).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      now = due.at;
      if (due.every === undefined) due.cleared = true;
      else due.at += due.every;
      due.run();
    }
    now = to;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { timers: api, advanceTo, entries: timers, now: () => now };
}

describe('startScheduler', () => {
  const HOUR = 3_600_000;
  const DAY_MS = 24 * HOUR;

  it('starts each installation after its own jitter, every period, never overlapping itself', async () => {
    const clock = fakeClock([0.5, 0.1, 0.9]);
    const started: Array<[string, number]> = [];
    const finish = new Map<string, () => void>();
    const job = (id: string) => ({
      id,
      run: () => (started.push([id, clock.now()]), new Promise<void>((r) => finish.set(id, r))),
    });
    const stop = startScheduler(
      { everyMs: DAY_MS, jitterMs: HOUR, jobs: async () => [job('1'), job('2'), job('3')], onError: () => undefined },
      clock.timers,
    );
    await clock.advanceTo(HOUR);
    // Three installations, three offsets within the hour: 30, 6 and 54 minutes.
    expect(started).toEqual([
      ['2', 0.1 * HOUR],
      ['1', 0.5 * HOUR],
      ['3', 0.9 * HOUR],
    ]);
    expect(clock.entries.every((t) => t.unref)).toBe(true);

    // A day later installation 1 is still running: it is skipped; the others start again, each at its offset.
    finish.get('2')!();
    finish.get('3')!();
    await clock.advanceTo(DAY_MS + HOUR);
    expect(started.slice(3)).toEqual([
      ['2', DAY_MS + 0.1 * HOUR],
      ['3', DAY_MS + 0.9 * HOUR],
    ]);
    stop();
    await clock.advanceTo(3 * DAY_MS);
    expect(started).toHaveLength(5);
  });

  it('reports a failed run or a failed listing and keeps the schedule', async () => {
    const clock = fakeClock([0]);
    const errors: unknown[] = [];
    let listings = 0;
    const jobs = async () => {
      if (listings++ === 0) throw new Error('listing failed');
      return [{ id: '1', run: () => Promise.reject(new Error('boom')) }];
    };
    startScheduler({ everyMs: 1000, jitterMs: 0, jobs, onError: (e) => errors.push(e) }, clock.timers);
    await clock.advanceTo(1000);
    expect(errors.map((e) => (e as Error).message)).toEqual(['listing failed', 'boom']);
  });
});

describe('readSettings', () => {
  it('reads durations, "off", dry-run and the cap, and quotes a bad value', () => {
    expect(
      readSettings({
        KEY_HYGIENE_SWEEP_EVERY: '12h',
        KEY_HYGIENE_SWEEP_JITTER: 'off',
        KEY_HYGIENE_DRY_RUN: 'true',
        KEY_HYGIENE_MAX_CONTENT: '10',
      }),
    ).toEqual({
      sweepEveryMs: 43_200_000,
      jitterMs: 0,
      dryRun: true,
      maxContentPerSweep: 10,
      metricsHost: '127.0.0.1',
    });
    expect(() => readSettings({ KEY_HYGIENE_SWEEP_EVERY: 'daily' })).toThrow('KEY_HYGIENE_SWEEP_EVERY is "daily"');
  });
});
