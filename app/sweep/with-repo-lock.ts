const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier call for the same repository (`owner/repo`, any case) has settled:
 * two sweeps of one repository in this process — the schedule and a re-check, or two at once — run
 * one after the other, so the second plans from what the first wrote and adds nothing. Across
 * processes the hidden markers and "oldest issue wins" keep it at one issue per key.
 */
export async function withRepoLock<T>(repository: string, work: () => Promise<T>): Promise<T> {
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
}
