// npm run bench:sweep: the App's sweep at scale against the GitHub API emulator — requests
// per repository in a first and in a steady-state sweep, wall time with 1 and with 3 worker processes,
// peak memory per process, rate budgets, and one issue per overdue key. Every figure is measured in
// this run and compared with its reference from this run. Built by `tsc -p bench/tsconfig.sweep.json`
// into .build-bench/ (the `bench:sweep` script). `--repos 500` for a quick run.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startGitHubEmulator, type GitHubEmulator } from '../test/support/github-emulator/index.js';
import { startRedisServer, type RedisServer } from '../test/support/redis-server.js';
import { createRealTimeClock } from './sweep-clock.js';
import { probeEmulator } from './sweep-probe.js';
import { forgetRuns, forgetTokens } from './sweep-redis.js';
import { stopAll } from './sweep-process.js';
import { runSweep, type RunOptions, type SweepFigures } from './sweep-run.js';
import {
  byRoute,
  describeSweep,
  tokensMinted,
  issueRow,
  peakRss,
  perRepo,
  printTable,
  verdict,
  type Row,
} from './sweep-table.js';
import { REPOS_PER_ORG, seedSweepWorld, STALE_EVERY, type SweepWorld } from './sweep-world.js';

const DAY = 86_400_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // .build-bench/bench/ → the package
const { values } = parseArgs({
  options: {
    repos: { type: 'string', default: '10000' },
    /** GitHub's round trip, added to every answer of the emulator. */
    'latency-ms': { type: 'string', default: '40' },
    /** The embedded (no Redis) sweep is one process, one repository after the other: a sample. */
    'embedded-repos': { type: 'string', default: '100' },
    /** KEY_HYGIENE_MAX_CONTENT: issues and comments one sweep of one installation may write. */
    'max-content': { type: 'string', default: '50' },
    /** KEY_HYGIENE_WORKER_CONCURRENCY; the app's default when empty. */
    concurrency: { type: 'string', default: '' },
    'app-bin': { type: 'string', default: `${ROOT}bin/key-hygiene-app.js` },
    /** Some of: probe, embedded, redis. */
    only: { type: 'string', default: 'probe,embedded,redis' },
    'timeout-s': { type: 'string', default: '5400' },
  },
});
const REPOS = Number(values.repos);
const LATENCY_MS = Number(values['latency-ms']);
const ONLY = new Set(values.only.split(','));
const say = (line: string) => process.stderr.write(`${line}\n`);
const run: RunOptions = {
  bin: values['app-bin'],
  maxContent: Number(values['max-content']),
  timeoutMs: Number(values['timeout-s']) * 1000,
  say,
  ...(values.concurrency && { concurrency: values.concurrency }),
};
const rows: Row[] = [];
/** Rows are printed as the table at the end, and each as soon as it is known (a long run stopped early keeps them). */
const addRow = (row: Row & { notes?: string[] }) => {
  rows.push(row);
  row.notes?.forEach((note) => say(`  ${note}`));
  say(
    `= ${row.what.trim()}: ${row.figure}${row.ratio ? ` (${row.ratio})` : ''}${row.verdict ? ` ${row.verdict}` : ''}`,
  );
};

async function withWorld<T>(
  repos: number,
  latencyMs: number,
  use: (gh: GitHubEmulator, world: SweepWorld) => Promise<T>,
): Promise<T> {
  // The clock follows real time: the per-minute content limit must see the minutes a sweep takes.
  const gh = await startGitHubEmulator({ clock: createRealTimeClock(), latencyMs, requestLog: 'counters' });
  try {
    return await use(gh, seedSweepWorld(gh, { repositories: repos }));
  } finally {
    await gh.close();
  }
}

/** The emulator's own speed on this world, no latency added; its throughput before indexing is in the README. */
async function probe(): Promise<void> {
  const started = performance.now();
  await withWorld(REPOS, 0, async (gh, world) => {
    const seeded = (performance.now() - started) / 1000;
    const p = await probeEmulator(gh, world);
    addRow({
      what: `emulator: seeded ${world.repositories} repos, ${world.secrets} secrets in ${seeded.toFixed(1)} s; sweep reads`,
      figure: `${p.perSecond.toFixed(0)} req/s, 16 in flight (${p.capacity.toFixed(0)} req/s of its busy time)${p.failures ? `; ${p.failures} failed` : ''}`,
    });
  });
}

/** The default deployment: one process, in-memory ETags, one repository after the other. */
async function embedded(repos: number): Promise<void> {
  await withWorld(repos, LATENCY_MS, async (gh, world) => {
    say(`embedded (no Redis), ${world.repositories} repositories: sweep --once, twice…`);
    const first = await runSweep(gh, world, 0, run);
    const again = await runSweep(gh, world, 0, run);
    const n = world.repositories;
    addRow({
      what: `embedded, no Redis: first sweep of ${n} repos, 1 process`,
      figure: `${describeSweep(first)}; ${peakRss(first)}`,
      reference: `${(((first.wallSeconds / n) * REPOS) / 60).toFixed(0)} min for ${REPOS} repos at this pace`,
    });
    addRow({
      what: `  sweep --once again, nothing changed`,
      figure: `${perRepo(again.counters.counted, n)} counted req/repo`,
      reference: `first: ${perRepo(first.counters.counted, n)}`,
      ratio: `${(again.counters.counted / first.counters.counted).toFixed(2)}×`,
      target: 'none: ETags die with the process',
    });
    addRow(issueRow(`  overdue keys (${n} repos)`, again.issues));
  });
}

/** Scale-out on Redis: the first sweep with 1 worker, then with 3 (fresh world), then the next sweep. */
async function scaledOut(redis: RedisServer): Promise<void> {
  const one = await withWorld(REPOS, LATENCY_MS, (gh, world) => {
    say(`Redis, 1 worker (sweep --once), ${world.repositories} repositories…`);
    return runSweep(gh, world, 0, run, redis);
  });
  say(`  ${byRoute(one.counters)}`);
  addRow({ what: `first sweep, 1 worker (sweep --once), ${REPOS} repos`, figure: describeSweep(one) });
  addRow({ what: '  peak RSS', figure: peakRss(one) });
  addRow(issueRow('  overdue keys, 1 worker', one.issues));
  await redis.flush();
  await withWorld(REPOS, LATENCY_MS, async (gh, world) => {
    say(`Redis, 3 workers (sweep --once + 2 × worker), ${world.repositories} repositories…`);
    const three = await runSweep(gh, world, 2, run, redis);
    threeWorkerRows(one, three);
    // Again within the hour: new runs (this period's would be skipped as done); the installation
    // token minted for the first sweep is still valid. A share of 0.95: without one token shared,
    // this sweep costs as much as the first and would wait for the reset past the default half.
    await forgetRuns(redis.url);
    say('Redis, 3 workers: the same sweep again within the hour, nothing changed…');
    const again = await runSweep(gh, world, 2, { ...run, env: { KEY_HYGIENE_BUDGET_SHARE: '0.95' } }, redis);
    say(`  counted: ${byRoute(again.counters, true)}`);
    addRow({
      what: '  again within the hour, nothing changed (token still valid)',
      figure: `${perRepo(again.counters.counted, world.repositories)} counted req/repo (${again.counters.notModified} × 304); ${tokensMinted(again.counters)} tokens minted; ${byRoute(again.counters, true, 2)}`,
      reference: `first: ${perRepo(three.counters.counted, world.repositories)}`,
      ratio: `${(again.counters.counted / three.counters.counted).toFixed(3)}×`,
    });
    // The next day: new runs and a new hour of GitHub's budget; every installation token has expired
    // (GitHub's ETags are per token: a 304 needs the token that obtained the ETag); the ETag cache stays.
    await forgetRuns(redis.url);
    await forgetTokens(redis.url);
    gh.clock.advance(DAY);
    say("Redis, 3 workers: the next day's sweep, nothing changed, a new token…");
    const next = await runSweep(gh, world, 2, run, redis);
    say(`  counted: ${byRoute(next.counters, true)}`);
    const limited = (next.counters.byStatus['403'] ?? 0) + (next.counters.byStatus['429'] ?? 0);
    addRow({
      what: "  next day's sweep, nothing changed, new token (steady state)",
      figure: `${perRepo(next.counters.counted, world.repositories)} counted req/repo (${next.counters.notModified} × 304); ${tokensMinted(next.counters)} tokens minted; ${byRoute(next.counters, true, 3)}`,
      reference: `first: ${perRepo(three.counters.counted, world.repositories)}`,
      ratio: `${(next.counters.counted / three.counters.counted).toFixed(3)}×`,
    });
    addRow({
      what: "  next day's rate budget",
      figure: `${next.wallSeconds.toFixed(1)} s; busiest installation used ${(next.budgets.highestShare * 100).toFixed(0)} % of its hourly limit; ${limited} answers 403/429`,
      target: 'no 403/429',
      verdict: verdict(limited === 0 && next.budgets.over === 0),
    });
    addRow(issueRow('  overdue keys after both sweeps, 3 workers', next.issues));
  });
}

function threeWorkerRows(one: SweepFigures, three: SweepFigures): void {
  const speedup = one.wallSeconds / three.wallSeconds;
  const limited = (three.counters.byStatus['403'] ?? 0) + (three.counters.byStatus['429'] ?? 0);
  addRow({
    what: `first sweep, 3 workers (sweep --once + 2 × worker)`,
    figure: describeSweep(three),
    reference: `1 worker: ${one.wallSeconds.toFixed(1)} s`,
    ratio: `${speedup.toFixed(2)}× faster`,
    target: '≥ 2.5×',
    verdict: verdict(speedup >= 2.5),
  });
  addRow({ what: '  peak RSS per process', figure: peakRss(three) });
  addRow({
    what: '  rate budget',
    figure: `busiest installation used ${(three.budgets.highestShare * 100).toFixed(0)} % of its hourly limit; ${limited} answers 403/429`,
    target: 'no 403/429',
    verdict: verdict(limited === 0 && three.budgets.over === 0),
  });
}

const started = performance.now();
const orgs = Math.ceil(REPOS / REPOS_PER_ORG);
console.log(
  `key-hygiene sweep bench · node ${process.version} · ${REPOS} repositories in ${orgs} org installations of up to ${REPOS_PER_ORG} (budget min(12,500, 5,000 + 50/repo past 20) an hour each) · 3 environments and 5 secrets per repository · one overdue key in 1 repository of ${STALE_EVERY} · GitHub latency ${LATENCY_MS} ms per request · KEY_HYGIENE_WORKER_CONCURRENCY ${values.concurrency || "the app's default"}, KEY_HYGIENE_MAX_CONTENT ${run.maxContent}\n`,
);
const redis = ONLY.has('redis') ? await startRedisServer() : undefined;
const stop = () =>
  void stopAll()
    .then(() => redis?.stop())
    .finally(() => process.exit(130));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  if (ONLY.has('probe')) await probe();
  if (ONLY.has('embedded')) await embedded(Math.min(REPOS, Number(values['embedded-repos'])));
  if (redis) await scaledOut(redis);
} catch (error) {
  say(`bench:sweep: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await redis?.stop();
  printTable(rows, (line) => console.log(line));
  console.log(`\n${((performance.now() - started) / 60_000).toFixed(1)} min in all`);
}
