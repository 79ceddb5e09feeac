import { describe, expect, it } from 'vitest';
import { createInMemorySweepQueue } from '../../../app/queue/in-memory-sweep-queue.js';
import { runIdOf } from '../../../app/queue/run-ids.js';
import { defaultSettings } from '../../../app/settings.js';
import { sweepAll, sweepInstallationById } from '../../../app/sweep/sweep-all.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { createAppWorld, startApp } from '../support/app-world.js';

// One process and the in-process scheduler stay the embedded default. The in-memory
// queue is today's sweep of an installation behind the queue's interface: the same issues, the
// same dashboards, the same lines for what failed or was skipped.

/** What a sweep left in GitHub, without what differs between two emulators (numbers, times). */
const outcome = (gh: GitHubEmulator) =>
  gh.store.issues
    .map(
      (i) =>
        `${[...gh.store.repos.values()].find((r) => r.id === i.repoId)!.name}|${i.state}|${i.title}|${i.labels.join(',')}`,
    )
    .sort();

describe('the in-memory sweep queue', () => {
  it('sweeps an installation as sweepAll does, and reports it as a run', async () => {
    const today = await createAppWorld();
    const queued = await createAppWorld();
    const a = await startApp(today.gh, today.app);
    const b = await startApp(queued.gh, queued.app);
    const settings = { ...defaultSettings, sweepEveryMs: 0 };
    try {
      const expected = await sweepAll(a.probot, settings, () => today.gh.clock.now());
      const sweeps = createInMemorySweepQueue((id) =>
        sweepInstallationById(b.probot, id, settings, () => queued.gh.clock.now()),
      );
      const runId = runIdOf(queued.installation.id, queued.gh.clock.now());
      await sweeps.enqueue(queued.installation.id, runId);
      const report = await sweeps.whenDone(runId);

      expect(report).toEqual({
        runId,
        installationId: queued.installation.id,
        complete: true,
        swept: expected.results[0]!.swept,
        skipped: ['acme/old'],
        failed: [],
        pending: [],
        actions: expected.results[0]!.actions.length,
      });
      expect(outcome(queued.gh)).toEqual(outcome(today.gh));
      expect(outcome(queued.gh).length).toBeGreaterThan(0);
      expect(await sweeps.deadLetters()).toEqual([]);

      // Queued again once finished, the run is swept again — and, sweeps being idempotent, nothing changes.
      const before = outcome(queued.gh);
      await sweeps.enqueue(queued.installation.id, runId);
      expect((await sweeps.whenDone(runId)).actions).toBe(0);
      expect(outcome(queued.gh)).toEqual(before);
      await sweeps.close();
    } finally {
      await a.close();
      await b.close();
      await today.gh.close();
      await queued.gh.close();
    }
  });

  it('reports an installation it could not list as one failure line, and a run it never saw as unknown', async () => {
    const sweeps = createInMemorySweepQueue(async () => {
      throw new Error('Bad credentials\nmore detail');
    });
    await sweeps.enqueue(7, '7:20260101T000000Z');
    expect(await sweeps.whenDone('7:20260101T000000Z')).toMatchObject({
      complete: true,
      failed: ['installation 7: Bad credentials'],
      swept: [],
    });
    await expect(sweeps.report('8:20260101T000000Z')).rejects.toThrow(
      'run 8:20260101T000000Z is not known to this process',
    );
  });
});
