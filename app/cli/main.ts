import { parseArgs } from 'node:util';
import type { ProbotOctokit } from 'probot';
import { probeRedis } from '../octokit/connect-redis.js';
import { readSettings } from '../settings.js';
import { createCliProbot, readCliEnvironment } from './cli-probot.js';
import { formatDeadLetter, readDeadLetters } from './dead-letters.js';
import { runWorker } from './run-worker.js';
import { sweepOnce } from './sweep-once.js';
import { oneLineError } from '../../src/one-line-error.js';

const USAGE = 'usage: key-hygiene-app sweep --once [--dry-run]';
const COMMANDS = `${USAGE} | key-hygiene-app worker | key-hygiene-app dead-letters`;

export interface MainDeps {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  now: () => Date;
  /** Probot's client class; tests turn throttling off. */
  Octokit?: typeof ProbotOctokit;
  /** When `worker` stops: the first SIGTERM or SIGINT. */
  stop: () => Promise<unknown>;
}

const untilSignal = () =>
  new Promise((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });

const defaultDeps: MainDeps = { out: process.stdout, err: process.stderr, now: () => new Date(), stop: untilSignal };

/**
 * The App's commands besides its server (one catch, one line per failure).
 * `sweep --once`: every installation swept once, for a scheduled workflow instead of a server (with
 * `REDIS_URL`, shared with any workers running; a dry run sweeps in this process all the same);
 * exit 0 when all went through, 2 with one line per failure. `worker` (`REDIS_URL` required, no
 * dry run): works sweep jobs until SIGTERM or SIGINT. `dead-letters` (`REDIS_URL` only): the sweep
 * jobs that failed past their attempts, one line each; exit 1 when there are any.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv, deps: Partial<MainDeps> = {}): Promise<number> {
  const { out, err, now, Octokit, stop } = { ...defaultDeps, ...deps };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { once: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
    });
    const command = positionals[0];
    if (command === 'worker') {
      const settings = readSettings(env);
      const queue = settings.queue;
      if (!queue)
        throw new Error('REDIS_URL is not set: a worker takes its jobs from Redis (REDIS_URL=redis://host:6379)');
      // Jobs carry no dry-run: a dry-run worker would mark real runs' jobs done having written nothing.
      if (settings.dryRun)
        throw new Error(
          'KEY_HYGIENE_DRY_RUN is set: a worker applies the jobs it takes; try a dry run with `sweep --once --dry-run`',
        );
      const { probot, care } = createCliProbot(readCliEnvironment(env), settings, { logLevel: 'info', now, Octokit });
      try {
        await runWorker(
          probot,
          care,
          { ...settings, queue },
          { now, stop, say: (line) => out.write(`key-hygiene-app: ${line}\n`) },
        );
      } finally {
        await care.close();
      }
      return 0;
    }
    if (command === 'dead-letters') {
      const redisUrl = readSettings(env).queue?.redisUrl;
      if (!redisUrl)
        throw new Error('REDIS_URL is not set: dead letters are kept in Redis (REDIS_URL=redis://host:6379)');
      const { letters, total } = await readDeadLetters(redisUrl);
      letters.forEach((letter) => out.write(`${formatDeadLetter(letter)}\n`));
      out.write(
        `key-hygiene-app: ${total} dead letters${total > letters.length ? ` (the newest ${letters.length} shown)` : ''}\n`,
      );
      return total ? 1 : 0;
    }
    if (command !== 'sweep' || !values.once) throw new Error(command === 'sweep' ? USAGE : COMMANDS);
    const settings = { ...readSettings(env), ...(values['dry-run'] && { dryRun: true }) };
    // Redis down: one line now, not a sweep that waits for it for ever (a dry run does not use it).
    if (settings.queue && !settings.dryRun) await probeRedis(settings.queue.redisUrl);
    const { probot, care } = createCliProbot(readCliEnvironment(env), settings, {
      logLevel: settings.dryRun ? 'info' : 'warn',
      now,
      Octokit,
    });
    try {
      const { installations, swept, actions, failed } = await sweepOnce(probot, settings, now, (line) =>
        out.write(`key-hygiene-app: ${line}\n`),
      );
      out.write(
        `key-hygiene-app: swept ${swept} repositories in ${installations} installations, ${actions} ${settings.dryRun ? 'planned' : 'applied'} actions\n`,
      );
      failed.forEach((line) => err.write(`key-hygiene-app: ${line}\n`));
      return failed.length ? 2 : 0;
    } finally {
      await care.close();
    }
  } catch (error) {
    err.write(`key-hygiene-app: ${oneLineError(error)}\n`);
    return 2;
  }
}
