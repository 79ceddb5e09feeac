/** The timers the scheduler uses (its clock); tests pass fakes. */
export interface SchedulerTimers {
  setInterval: (run: () => void, ms: number) => { unref?: () => unknown };
  clearInterval: (handle: ReturnType<SchedulerTimers['setInterval']>) => void;
  setTimeout: (run: () => void, ms: number) => { unref?: () => unknown };
  random: () => number;
}

const realTimers: SchedulerTimers = {
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  setTimeout: (run, ms) => setTimeout(run, ms),
  random: Math.random,
};

/** One installation's sweep. */
export interface ScheduledJob {
  /** Stable across periods (the installation id): a job never overlaps its own previous run. */
  id: string;
  run: () => Promise<unknown>;
}

export interface SchedulerOptions {
  everyMs: number;
  /** Each job starts after its own random delay in [0, jitterMs), so installations don't all hit GitHub at once. */
  jitterMs: number;
  /** The jobs of this period, listed at each tick (installations come and go). */
  jobs: () => Promise<readonly ScheduledJob[]>;
  onError: (error: unknown) => void;
}

/**
 * The in-process schedule (probot-scheduler is archived, https://github.com/probot/scheduler): a tick soon after
 * start, then one every `everyMs`; each tick lists the jobs and starts each after its own jitter
 * (so installations spread over the period); a job still running from the previous
 * period is skipped. Timers are unref'd: the schedule never keeps the process alive. Returns `stop`.
 */
export function startScheduler(options: SchedulerOptions, timers: SchedulerTimers = realTimers): () => void {
  const running = new Set<string>();
  const start = (job: ScheduledJob): void => {
    if (running.has(job.id)) return;
    running.add(job.id);
    job
      .run()
      .catch(options.onError)
      .finally(() => running.delete(job.id));
  };
  const tick = (): void => {
    options.jobs().then((jobs) => {
      for (const job of jobs)
        timers.setTimeout(() => start(job), Math.floor(timers.random() * options.jitterMs)).unref?.();
    }, options.onError);
  };
  const handle = timers.setInterval(tick, options.everyMs);
  handle.unref?.();
  tick();
  return () => timers.clearInterval(handle);
}
