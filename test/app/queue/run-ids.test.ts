import { describe, expect, it } from 'vitest';
import {
  dueAtOfSchedulerJob,
  installationOfRun,
  jobIdOf,
  orgTarget,
  periodStart,
  runIdOf,
  targetOfJobId,
} from '../../../app/queue/run-ids.js';
import { offsetOf, schedulerIdOf } from '../../../app/schedule/sync-job-schedulers.js';

const DAY = 86_400_000;

describe('run and job ids', () => {
  it('names a run after its installation and the start of its period, with one colon', () => {
    const start = periodStart(Date.parse('2026-03-15T17:42:10.123Z'), DAY);
    expect(start.toISOString()).toBe('2026-03-15T00:00:00.000Z');
    const runId = runIdOf(42, start);
    expect(runId).toBe('42:20260315T000000Z');
    expect(installationOfRun(runId)).toBe(42);
    expect(periodStart(Date.parse('2026-03-15T17:42:10Z'), 6 * 3_600_000).toISOString()).toBe(
      '2026-03-15T12:00:00.000Z',
    );
    // Periods under a second (tests) get runs of their own.
    expect(runIdOf(42, periodStart(Date.parse('2026-03-15T17:42:10.900Z'), 800))).toBe('42:20260315T174210.400Z');
    expect(runIdOf(42, periodStart(Date.parse('2026-03-15T17:42:10.300Z'), 800))).toBe('42:20260315T174209.600Z');
  });

  it('names each job of a run after what it sweeps, in the three parts BullMQ allows, and reads them back', () => {
    const runId = '42:20260315T000000Z';
    expect(jobIdOf(runId, 'acme/api')).toBe('42:20260315T000000Z:acme/api');
    expect(jobIdOf(runId, orgTarget('acme'))).toBe('42:20260315T000000Z:acme/*');
    expect(jobIdOf(runId, '*').split(':')).toHaveLength(3);
    expect(targetOfJobId('42:20260315T000000Z:acme/api')).toEqual({ runId, target: 'acme/api' });
    // A schedule's job (`repeat:<scheduler>:<time>`) names no run.
    expect(targetOfJobId(`repeat:${schedulerIdOf(42)}:1773532800000`)).toBeUndefined();
  });

  it("reads when a schedule's job is due from its id, and nothing from a run's job", () => {
    expect(dueAtOfSchedulerJob(`repeat:${schedulerIdOf(42)}:1773532800123`)).toBe(1773532800123);
    expect(dueAtOfSchedulerJob('42:20260315T000000Z:*')).toBeUndefined();
    expect(dueAtOfSchedulerJob('repeat:a:b:1773532800123')).toBeUndefined();
  });

  it('spreads installations over the jitter, the same way at every restart, never at the period start', () => {
    const offsets = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => offsetOf(id, DAY, 3_600_000));
    expect(offsets).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((id) => offsetOf(id, DAY, 3_600_000)));
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...offsets)).toBeLessThan(3_600_000);
    expect(new Set(offsets).size).toBe(8);
    expect(offsetOf(9, DAY, 0)).toBe(1);
    expect(offsetOf(9, 1000, DAY)).toBeLessThan(1000);
  });
});
