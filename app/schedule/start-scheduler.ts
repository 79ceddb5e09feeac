/** The timers the scheduler uses; tests pass fakes. */
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

export interface SchedulerOptions {
  everyMs: number;
  /** Each run starts after a random delay in [0, jitterMs), so many app processes don't hit GitHub at once. */
  jitterMs: number;
  run: () => Promise<unknown>;
  onError: (error: unknown) => void;
}

/**
 * The in-process schedule (probot-scheduler is archived, GITHUB-FACTS.md): one run soon after
 * start, then one every `everyMs`, each after its jitter; a run never overlaps the previous one.
 * Timers are unref'd: the schedule never keeps the process alive. Returns `stop`.
 */
export function startScheduler(options: SchedulerOptions, timers: SchedulerTimers = realTimers): () => void {
  let running = false;
  const tick = (): void => {
    const delay = Math.floor(timers.random() * options.jitterMs);
    timers.setTimeout(() => {
      if (running) return;
      running = true;
      options.run().catch(options.onError).finally(() => {
        running = false;
      });
    }, delay).unref?.();
  };
  const handle = timers.setInterval(tick, options.everyMs);
  handle.unref?.();
  tick();
  return () => timers.clearInterval(handle);
}
