import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdOf } from '../../../app/queue/run-ids.js';
import type { AppRecord, GitHubEmulator, InstallationRecord, LogEntry } from '../../support/github-emulator/index.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { createQueueWorld, startQueueProcess, type QueueProcess } from './queue-world.js';

// GitHub's ETags are per token (README, "At scale"): a 304 needs the token that obtained the
// ETag, and installation tokens live an hour. Three app processes on one real redis-server, each its
// own Probot, caches and BullMQ worker, against the emulator (which varies ETags by token): they
// share one installation token for its hour, so a second sweep within it reads what did not change
// as 304s; after the token expired (the emulator's clock moved on) the next sweep mints one token and
// reads everything as counted 200s — and the processes' request budgets count them. Tokens live six
// minutes here, not an hour: the app signs its JWTs by the host's clock, which stays where it is,
// and the emulator refuses one whose ten minutes are over by its own clock.

const MINUTE = 60_000;
/** Used until five minutes before they expire (TOKEN_REFRESH_MS): one minute of use. */
const TOKEN_LIFETIME_MS = 6 * MINUTE;
const MINT = 'POST /app/installations/{installation_id}/access_tokens';
/** Lists that no sweep writes to: 304s under the same token, 200s under a new one. */
const READS = ['GET /repos/{owner}/{repo}/actions/secrets', 'GET /repos/{owner}/{repo}/environments'];

let redis: RedisServer;
let gh: GitHubEmulator;
let app: AppRecord;
let installation: InstallationRecord;
let processes: QueueProcess[];
beforeAll(async () => {
  redis = await startRedisServer();
  ({ gh, app, installation } = await createQueueWorld(6, { limits: { tokenLifetimeMs: TOKEN_LIFETIME_MS } }));
  processes = [0, 1, 2].map(() =>
    startQueueProcess(gh, app, redis.url, { shareCare: true, settings: { maxContentPerSweep: 1000 } }),
  );
  await Promise.all(processes.map((p) => p.sweeps.ready()));
});
afterAll(async () => {
  await Promise.all(
    (processes ?? []).map(async (p) => {
      await p.sweeps.close();
      await p.care.close();
    }),
  );
  await gh?.close();
  await redis?.stop();
});

/** One run of the installation, queued by the first process and worked by all three; the log entries it caused. */
async function sweepOnce(): Promise<LogEntry[]> {
  const from = gh.log.entries.length;
  // A run id of its own each time (a run's id is its period's start): the same period's run would skip what it swept.
  const runId = runIdOf(installation.id, gh.clock.now());
  await processes[0]!.sweeps.enqueue(installation.id, runId);
  const report = await processes[0]!.sweeps.whenDone(runId);
  expect(report).toMatchObject({ complete: true, failed: [] });
  expect(report.swept).toHaveLength(6);
  return gh.log.entries.slice(from);
}

const reads = (entries: LogEntry[]) => entries.filter((e) => e.route !== null && READS.includes(e.route));
const minted = (entries: LogEntry[]) => entries.filter((e) => e.route === MINT && e.status === 201).length;

describe('three processes sharing Redis, one installation token an hour', () => {
  it('the first sweep mints one token for every process', async () => {
    const first = await sweepOnce();
    expect(minted(first)).toBe(1);
    expect(reads(first).length).toBeGreaterThanOrEqual(6 * READS.length);
    // More than one process took repository jobs, all with that token.
    expect(processes.filter((p) => p.events.some((e) => e.kind === 'repo')).length).toBeGreaterThan(1);
  });

  it('a second sweep within the hour uses the same token: what did not change answers 304, free', async () => {
    gh.clock.advance(MINUTE / 4);
    const second = await sweepOnce();
    expect(minted(second)).toBe(0);
    expect(reads(second).length).toBeGreaterThanOrEqual(6 * READS.length);
    expect(reads(second).filter((e) => !e.notModified || e.counted)).toEqual([]);
  });

  it('after the token expired, one new token: every read is a counted 200, and the request budget counts them', async () => {
    gh.clock.advance(TOKEN_LIFETIME_MS);
    const window = `installation:${installation.id}`;
    const usedBefore = gh.rateLimiter.status(window).used;
    const third = await sweepOnce();
    expect(minted(third)).toBe(1);
    expect(reads(third).length).toBeGreaterThanOrEqual(6 * READS.length);
    expect(reads(third).filter((e) => e.notModified || !e.counted || e.status !== 200)).toEqual([]);
    // The budget the processes read from GitHub's headers holds every counted request of this sweep
    // (a 304 is free only under the token that obtained the ETag): what the next repository waits on.
    const counted = third.filter((e) => e.counted && e.installationId === installation.id).length;
    expect(gh.rateLimiter.status(window).used - usedBefore).toBe(counted);
    const used = Math.max(
      ...processes.map((p) => {
        const known = p.care.budgetOf(installation.id).known;
        return known ? known.limit - known.remaining : 0;
      }),
    );
    expect(used).toBe(gh.rateLimiter.status(window).used);
    expect(counted).toBeGreaterThanOrEqual(reads(third).length);
  });
});
