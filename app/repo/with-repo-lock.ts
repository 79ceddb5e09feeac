/** Runs `work` after every earlier call for the same repository has settled. */
export type RepoLock = <T>(repository: string, work: () => Promise<T>) => Promise<T>;

/**
 * A lock per repository (`owner/repo`, any case): two sweeps of one repository through the same
 * lock — the schedule and a re-check, or two at once — run one after the other, so the second
 * plans from what the first wrote and adds nothing. It only reaches its own process: across
 * processes, each `open` is reconciled right after it is written (close-if-twin.ts).
 */
export function createRepoLock(): RepoLock {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(repository: string, work: () => Promise<T>): Promise<T> => {
    const key = repository.toLowerCase();
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

/** The process's lock: what sweeps use unless given another (tests give one per simulated process). */
export const withRepoLock: RepoLock = createRepoLock();
