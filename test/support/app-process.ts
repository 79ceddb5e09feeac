import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emulatorAt } from './github-emulator/index.js';
import { freePort, waitUntilListening } from './probot-process.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ENTRY = join(ROOT, 'lib-app', 'app', 'index.js');
const PROBOT = join(ROOT, 'node_modules', 'probot', 'bin', 'probot.js');
const BIN = join(ROOT, 'bin', 'key-hygiene-app.js');

/** A child process of the App and everything it printed. */
export interface AppProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function track(child: ChildProcess): AppProcess {
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // A process stuck in a busy loop never runs its SIGTERM handler.
      const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(stuck);
    }
  };
  return { child, output, exited, stop };
}

/** `probot run ./lib-app/app/index.js` with only `env` (and PATH); not waited for. */
export function spawnProbotRun(env: NodeJS.ProcessEnv): AppProcess {
  return track(
    spawn(process.execPath, [PROBOT, 'run', ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/**
 * `probot run` on a free port of 127.0.0.1, once it answers; `url` is its webhook path. The
 * emulator at `GHE_HOST` (when it runs in this process) delivers to it the webhooks of every write,
 * the App's own included, as GitHub does — unless `webhooks: false` — until it stops.
 */
export async function startProbotRun(
  env: NodeJS.ProcessEnv,
  options: { webhooks?: boolean } = {},
): Promise<AppProcess & { url: string; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const running = spawnProbotRun({
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    KEY_HYGIENE_SWEEP_EVERY: 'off',
    ...env,
  });
  try {
    await waitUntilListening(running.child, `${base}/ping`, running.output);
  } catch (error) {
    await running.stop();
    throw error;
  }
  const url = `${base}/api/github/webhooks`;
  const emulator = options.webhooks === false ? undefined : emulatorAt(env.GHE_HOST);
  const unsubscribe = emulator?.webhooks.subscribe({ url, ...(env.APP_ID && { appId: Number(env.APP_ID) }) });
  const stop = async (): Promise<void> => {
    unsubscribe?.();
    await running.stop();
  };
  return { ...running, stop, url, base };
}

/** `key-hygiene-app worker` as a child process; resolves once it says it takes jobs. */
export async function startWorker(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const running = track(
    spawn(process.execPath, [BIN, 'worker'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    running.child.stdout!.on('data', () => {
      if (running.output.join('').includes('key-hygiene-app: worker ready')) resolve();
    });
    void running.exited.then((code) =>
      reject(new Error(`worker exited with ${code} before it was ready:\n${running.output.join('')}`)),
    );
  });
  return running;
}

/** Peak resident memory of a process so far, in bytes (`VmHWM` in /proc/<pid>/status). */
export function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024;
}

/**
 * `npm test` builds lib/ but not lib-app/: build it (`tsc -p tsconfig.app.json`) when it is missing
 * or older than a source file, so the process runs the code under test.
 */
export function buildAppIfStale(): void {
  const newest = Math.max(...['app', 'src'].map((dir) => newestMtime(join(ROOT, dir))));
  if (existsSync(ENTRY) && statSync(ENTRY).mtimeMs >= newest) return;
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.app.json')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (!existsSync(ENTRY))
    throw new Error(`tsc -p tsconfig.app.json did not build ${ENTRY}:\n${built.stdout}${built.stderr}`);
}

function newestMtime(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/**
 * `key-hygiene-app sweep --once` as a child process with only `env` (and PATH); not waited for.
 * `clockShiftMs` moves the process's clock that far from the host's (support/shift-clock.mjs), to
 * meet an emulator clock a test moved ahead.
 */
export function spawnSweepOnce(env: NodeJS.ProcessEnv, clockShiftMs = 0): AppProcess {
  const shift =
    clockShiftMs === 0 ? [] : ['--import', pathToFileURL(join(import.meta.dirname, 'shift-clock.mjs')).href];
  const shiftEnv = clockShiftMs === 0 ? {} : { KEY_HYGIENE_TEST_CLOCK_SHIFT_MS: String(clockShiftMs) };
  return track(
    spawn(process.execPath, [...shift, BIN, 'sweep', '--once'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env, ...shiftEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}
