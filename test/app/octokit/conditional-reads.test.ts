import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRecord, GitHubEmulator } from '../../support/github-emulator/index.js';
import { createAppWorld, DAY } from '../support/app-world.js';
import { startAppWith } from '../support/robust-world.js';

// ETag conditional reads: a 304 to If-None-Match does not count.
describe('conditional reads', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  beforeAll(async () => {
    ({ gh, app } = await createAppWorld());
    running = await startAppWith(gh, app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('once a sweep has nothing left to do, sweeping the unchanged org again is answered with 304s', async () => {
    expect((await running.sweep()).failed).toEqual([]);
    const cold = gh.log.counters();
    gh.log.clear();
    // The first sweep's own writes changed the issue lists and open-issue counts: read afresh once.
    expect((await running.sweep()).results[0]!.actions).toEqual([]);
    const settling = gh.log.counters();
    gh.log.clear();

    const again = await running.sweep();
    expect(again.failed).toEqual([]);
    expect(again.results[0]!.actions).toEqual([]);
    const warm = gh.log.counters();
    const countedOk = gh.log.entries.filter((e) => e.counted && e.status < 300).map((e) => `${e.method} ${e.path}`);
    const countedErrors = gh.log.entries.filter((e) => e.counted && e.status >= 400).length;
    console.info(
      `ETag: cold sweep ${cold.requests} requests (${cold.counted} counted); next ${settling.requests} (${settling.counted} counted, ${settling.notModified} × 304); unchanged org ${warm.requests} requests: ${warm.notModified} × 304, ${warm.counted} counted (${countedOk.length} successful, ${countedErrors} 403/404 answers, which carry no ETag)`,
    );
    expect(countedOk).toEqual([]);
    expect(warm.notModified).toBeGreaterThan(15);
    expect(warm.counted).toBe(countedErrors);
  });

  it('a secret that changed is read afresh: its GET is a 200 and the sweep acts on it', async () => {
    gh.seed.secret({
      scope: 'environment',
      repo: 'acme/api',
      environment: 'production',
      name: 'STRIPE_API_KEY',
      updatedAt: new Date(gh.clock.now().getTime() - DAY),
    });
    gh.log.clear();
    const result = await running.sweep();
    expect(result.failed).toEqual([]);
    const fresh = gh.log.entries.filter((e) => e.method === 'GET' && e.status === 200).map((e) => e.route);
    expect(fresh).toContain('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets');
    // Rotated: the overdue issue closes.
    expect(result.results[0]!.actions.map((a) => a.type)).toContain('close');
  });
});
