// One sweep of a bench world: `key-hygiene-app sweep --once`, with `workers` more processes taking
// jobs when Redis is there, and what the emulator saw meanwhile.
import type { Counters, GitHubEmulator } from '../test/support/github-emulator/index.js';
import type { RedisServer } from '../test/support/redis-server.js';
import { checkBudgets, checkIssues, type BudgetCheck, type IssueCheck } from './sweep-check.js';
import { startAppProcess, within, type AppProcess, type Exited } from './sweep-process.js';
import type { SweepWorld } from './sweep-world.js';

export interface RunOptions {
  /** The app's CLI (`bin/key-hygiene-app.js`). */
  bin: string;
  /** `KEY_HYGIENE_MAX_CONTENT`. */
  maxContent: number;
  /** `KEY_HYGIENE_WORKER_CONCURRENCY`, or the app's default. */
  concurrency?: string;
  timeoutMs: number;
  say: (line: string) => void;
  /** More of the app's environment for this sweep (`KEY_HYGIENE_BUDGET_SHARE`). */
  env?: NodeJS.ProcessEnv;
}

export interface SweepFigures {
  repositories: number;
  /** From start to the summary line of `sweep --once`. */
  wallSeconds: number;
  counters: Counters;
  processes: Array<{ role: string } & Exited>;
  issues: IssueCheck;
  budgets: BudgetCheck;
}

function appEnv(gh: GitHubEmulator, world: SweepWorld, o: RunOptions, redis?: RedisServer): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    APP_ID: String(world.app.id),
    PRIVATE_KEY: world.app.privateKey,
    GHE_HOST: gh.host, // Probot: http://GHE_HOST/api/v3 (Probot's GHE_HOST setting)
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'warn',
    KEY_HYGIENE_MAX_CONTENT: String(o.maxContent),
    ...(redis && { REDIS_URL: redis.url }),
    ...(o.concurrency && { KEY_HYGIENE_WORKER_CONCURRENCY: o.concurrency }),
    ...o.env,
  };
}

/** Resolves when the process has written `text` (stdout or stderr); fails if it exits first. */
export function untilOutput(p: AppProcess, text: string): Promise<void> {
  let seen = '';
  return new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    };
    p.child.stdout!.on('data', onData);
    p.child.stderr!.on('data', onData);
    void p.exited.then((e) =>
      reject(new Error(`${p.role} exited with ${e.code}: ${e.output.trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
}

/** One sweep of the world; the emulator's log is cleared first, so its counters are this sweep's. */
export async function runSweep(
  gh: GitHubEmulator,
  world: SweepWorld,
  workers: number,
  o: RunOptions,
  redis?: RedisServer,
): Promise<SweepFigures> {
  const env = appEnv(gh, world, o, redis);
  gh.log.clear();
  const others = Array.from({ length: workers }, (_, i) => startAppProcess(`worker ${i + 1}`, o.bin, ['worker'], env));
  await Promise.all(others.map((w) => within(60_000, `${w.role} start`, untilOutput(w, 'worker ready'))));
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const once = startAppProcess('sweep --once', o.bin, ['sweep', '--once'], env);
  const progress = setInterval(() => {
    const c = gh.log.counters();
    o.say(`  ${seconds().toFixed(0)} s: ${c.requests} requests, ${c.counted} counted, ${c.notModified} × 304`);
  }, 30_000);
  // The summary line ends the sweep; a process that lingers after it (open connections) is stopped.
  const summary = untilOutput(once, 'key-hygiene-app: swept ').then(seconds);
  const ended = Promise.race([
    once.exited,
    summary.then(() => within(10_000, 'exit', once.exited).catch(() => once.stop(5_000))),
  ]);
  const done = await within(o.timeoutMs, 'sweep --once', ended)
    .catch(async (error: unknown) => {
      const tails = await Promise.all(
        [once, ...others].map(
          async (p) => `${p.role}: ${(await p.stop(5_000)).output.trim().split('\n').slice(-5).join('\n  ')}`,
        ),
      );
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tails.join('\n')}`);
    })
    .finally(() => clearInterval(progress));
  const wallSeconds = await summary.catch(seconds);
  const stopped = await Promise.all(others.map((w) => w.stop(10_000)));
  stopped.forEach(
    (e, i) => e.signal === 'SIGKILL' && o.say(`  ${others[i]!.role} was still running 10 s after SIGTERM: killed`),
  );
  if (done.signal) o.say(`  sweep --once was still running 10 s after its summary: stopped (${done.signal})`);
  if (!/key-hygiene-app: swept /.test(done.output))
    throw new Error(`sweep --once exited with ${done.code}: ${done.output.trim().split('\n').slice(-3).join(' | ')}`);
  const failures = done.output.split('\n').filter((line) => /^key-hygiene-app: (?!swept)/.test(line));
  if (failures.length) o.say(`  sweep --once reported ${failures.length} failures, first: ${failures[0]}`);
  return {
    repositories: world.repositories,
    wallSeconds,
    counters: gh.log.counters(),
    processes: [{ role: once.role, ...done }, ...others.map((w, i) => ({ role: w.role, ...stopped[i]! }))],
    issues: checkIssues(gh, world),
    budgets: checkBudgets(gh, world),
  };
}
