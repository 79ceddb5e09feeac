// The app's processes as the bench runs them: `key-hygiene-app sweep --once` and `worker`, each
// watched for its peak resident memory, stopped by its own pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** Peak resident set (VmHWM), MB. */
  peakRssMb: number;
  /** User + system CPU time, s. */
  cpuSeconds: number;
  /** Its stdout and stderr, for the reader when it failed. */
  output: string;
}

export interface AppProcess {
  role: string;
  child: ChildProcess;
  exited: Promise<Exited>;
  /** SIGTERM (a worker finishes the jobs in hand), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<Exited>;
}

/**
 * Linux's high-water mark of the process's resident set (it only grows, so sampling it now and then
 * loses nothing but the last interval), and its CPU time so far — for a process killed before it
 * could report its own.
 */
function sampleUsage(pid: number): { rssKb: number; cpuUs: number } | undefined {
  try {
    const rss = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    // utime and stime: fields 14 and 15, in clock ticks (100 a second on Linux), after the `(comm)` field.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const stat = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(stat[11]) + Number(stat[12]);
    return { rssKb: Number(rss?.[1] ?? 0), cpuUs: ticks * 10_000 };
  } catch {
    return undefined;
  }
}

// The process says its own peak (`maxRSS`, KB) and CPU time (µs) as it exits, on stderr, last.
const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nKH_USAGE '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

/** Node flags for the app's processes, e.g. `KH_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'` to profile them. */
const NODE_ARGS = process.env.KH_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

const live = new Set<AppProcess>();

/** Stops every app process still running (the bench was interrupted). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((p) => p.stop(2_000)));
}

/** Starts `node <bin> <args>`; its peak memory is sampled from /proc and reported by the process at exit. */
export function startAppProcess(role: string, bin: string, args: string[], env: NodeJS.ProcessEnv): AppProcess {
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_ARGS, '--import', REPORT_USAGE, bin, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let peakKb = 0;
  let cpuUs = 0;
  const sample = () => {
    const usage = child.pid === undefined ? undefined : sampleUsage(child.pid);
    peakKb = Math.max(peakKb, usage?.rssKb ?? 0);
    cpuUs = Math.max(cpuUs, usage?.cpuUs ?? 0);
  };
  const sampler = setInterval(sample, 100);
  const exited = new Promise<Exited>((resolve) => {
    // `close`: the process is gone and its output read to the end, the report included.
    child.once('close', (code, signal) => {
      clearInterval(sampler);
      const text = output.join('');
      const reported = /KH_USAGE (\d+) (\d+)/.exec(text);
      const seconds = (performance.now() - started) / 1000;
      const peakRssMb = Math.max(peakKb, Number(reported?.[1] ?? 0)) / 1024;
      const cpuSeconds = Math.max(cpuUs, Number(reported?.[2] ?? 0)) / 1e6;
      resolve({ code, signal, seconds, peakRssMb, cpuSeconds, output: text.replace(/\n?KH_USAGE \d+ \d+\n/, '') });
    });
  });
  const stop = async (graceMs = 30_000): Promise<Exited> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    }
    return exited;
  };
  const app = { role, child, exited, stop };
  live.add(app);
  void exited.then(() => live.delete(app));
  return app;
}

/** Waits for `promise`, or fails with `what` after `ms` (a sweep that waits for a rate-limit reset would otherwise wait an hour). */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
