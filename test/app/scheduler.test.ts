import { describe, expect, it } from 'vitest';
import { startScheduler, type SchedulerTimers } from '../../app/schedule/start-scheduler.js';
import { readSettings } from '../../app/settings.js';

/** Timers that run only when the test says so. */
function fakeTimers(random = 0.5) {
  const timeouts: Array<{ run: () => void; ms: number }> = [];
  const intervals: Array<{ run: () => void; ms: number; cleared: boolean; unref: boolean }> = [];
  const timers: SchedulerTimers = {
    setTimeout: (run, ms) => (timeouts.push({ run, ms }), { unref: () => undefined }),
    setInterval: (run, ms) => {
      const entry = { run, ms, cleared: false, unref: false };
      intervals.push(entry);
      return { unref: () => (entry.unref = true) };
    },
    clearInterval: () => intervals.forEach((i) => (i.cleared = true)),
    random: () => random,
  };
  return { timers, timeouts, intervals };
}

describe('startScheduler', () => {
  it('runs once soon after start and then every period, each after its jitter, never overlapping', async () => {
    const { timers, timeouts, intervals } = fakeTimers(0.25);
    let runs = 0;
    let finish: () => void = () => undefined;
    const stop = startScheduler({ everyMs: 86_400_000, jitterMs: 3_600_000, run: () => (runs++, new Promise<void>((r) => (finish = r))), onError: () => undefined }, timers);
    expect(intervals).toMatchObject([{ ms: 86_400_000, unref: true }]);
    expect(timeouts.map((t) => t.ms)).toEqual([900_000]);
    timeouts[0]!.run();
    intervals[0]!.run();
    timeouts[1]!.run(); // the previous run is still going: skipped
    expect(runs).toBe(1);
    finish();
    await new Promise((r) => setImmediate(r));
    intervals[0]!.run();
    timeouts[2]!.run();
    expect(runs).toBe(2);
    stop();
    expect(intervals[0]!.cleared).toBe(true);
  });

  it('reports a failed run and keeps the schedule', async () => {
    const { timers, timeouts } = fakeTimers();
    const errors: unknown[] = [];
    startScheduler({ everyMs: 1000, jitterMs: 0, run: () => Promise.reject(new Error('boom')), onError: (e) => errors.push(e) }, timers);
    timeouts[0]!.run();
    await new Promise((r) => setImmediate(r));
    expect(errors).toHaveLength(1);
  });
});

describe('readSettings', () => {
  it('reads durations, "off", dry-run and the cap, and quotes a bad value', () => {
    expect(readSettings({ KEY_HYGIENE_SWEEP_EVERY: '12h', KEY_HYGIENE_SWEEP_JITTER: 'off', KEY_HYGIENE_DRY_RUN: 'true', KEY_HYGIENE_MAX_CONTENT: '10' }))
      .toEqual({ sweepEveryMs: 43_200_000, jitterMs: 0, dryRun: true, maxContentPerSweep: 10 });
    expect(() => readSettings({ KEY_HYGIENE_SWEEP_EVERY: 'daily' })).toThrow('KEY_HYGIENE_SWEEP_EVERY is "daily"');
  });
});
