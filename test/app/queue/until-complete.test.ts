import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../app/queue/sweep-queue.js';
import { untilComplete, type RunProgress } from '../../../app/queue/until-complete.js';

const report = (complete: boolean, failed: string[] = []): RunReport => ({
  runId: 'r',
  installationId: 1,
  complete,
  swept: [],
  skipped: [],
  failed,
  pending: complete ? [] : ['o/a'],
  actions: 0,
});

/** A run whose counts follow `steps` (one per poll, the last repeated), with the full report's answer given. */
function watchOf(steps: RunProgress[], full: (progress: RunProgress) => RunReport) {
  let poll = 0;
  const calls = { progress: 0, report: 0 };
  let current = steps[0]!;
  return {
    calls,
    watch: {
      progress: async () => {
        calls.progress += 1;
        current = steps[Math.min(poll++, steps.length - 1)]!;
        return current;
      },
      report: async () => {
        calls.report += 1;
        return full(current);
      },
    },
  };
}

const timing = { pollMs: 1, answerMs: 1_000, stillMs: 60_000 };

describe('untilComplete', () => {
  it('reads counts while jobs finish, and the full report once they say every target is done', async () => {
    const steps = Array.from({ length: 50 }, (_, i) => ({ listed: true, targets: 49, done: i }));
    const { watch, calls } = watchOf(steps, (p) => report(p.done >= p.targets));
    const done = await untilComplete('r', watch, timing);
    expect(done.complete).toBe(true);
    expect(calls.progress).toBe(50);
    // One at the start (a run already complete returns at once), one at the end.
    expect(calls.report).toBe(2);
  });

  it('reports a run whose counts stand still (a dead letter keeps them short) after stillMs', async () => {
    const steps = [
      { listed: true, targets: 3, done: 1 },
      { listed: true, targets: 3, done: 2 },
    ];
    const { watch, calls } = watchOf(steps, () => (calls.report >= 2 ? report(true, ['o/c: boom']) : report(false)));
    const started = Date.now();
    const done = await untilComplete('r', watch, { ...timing, stillMs: 50 });
    expect(done.failed).toEqual(['o/c: boom']);
    expect(calls.report).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('fails in one line when the run stays unknown past answerMs', async () => {
    const watch = {
      progress: async () => ({ listed: false, targets: 0, done: 0 }),
      report: async (): Promise<RunReport> => Promise.reject(new Error('run r is not known')),
    };
    await expect(untilComplete('r', watch, { pollMs: 5, answerMs: 100, stillMs: 10 })).rejects.toThrow(
      'sweep queue: run r: run r is not known',
    );
  });
});
