import { spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';

const TIME = '/usr/bin/time';

/**
 * Runs a command once and returns wall seconds and peak resident memory (GNU time's %M, which
 * covers every thread of the process). stdout goes to /dev/null unless `capture` is set.
 */
export function measure(command, args, { cwd, capture = false, env } = {}) {
  const devnull = openSync('/dev/null', 'w');
  const useTime = existsSync(TIME);
  const started = process.hrtime.bigint();
  const run = spawnSync(useTime ? TIME : command, useTime ? ['-f', 'KH_TIME %e %M', command, ...args] : args, {
    cwd,
    env: env ?? process.env,
    stdio: ['ignore', capture ? 'pipe' : devnull, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  closeSync(devnull);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const line = /KH_TIME ([\d.]+) (\d+)/.exec(run.stderr ?? '');
  return {
    seconds,
    rssMb: line ? Number(line[2]) / 1024 : undefined,
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
  };
}

/** The best of `n` runs (less noise from a busy 2-core machine). */
export function best(n, fn) {
  let result;
  for (let i = 0; i < n; i++) {
    const r = fn();
    if (!result || r.seconds < result.seconds) result = r;
  }
  return result;
}
