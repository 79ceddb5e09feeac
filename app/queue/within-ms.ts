import { oneLineError } from '../../src/one-line-error.js';
/** Redis gave no answer in time: an outage (the commands may still go through once it is back). */
export class NoAnswer extends Error {
  override name = 'NoAnswer';
}

/**
 * `work`, or a one-line error naming `what`: its own failure, or {@link NoAnswer} once `ms` have
 * passed. `work` is not cancelled (Redis commands cannot be): its late failure is dropped, its late
 * success is harmless because every write of a run is idempotent (job ids, sets).
 */
export function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(`${what}: Redis did not answer within ${ms} ms`)), ms);
  });
  const failed = work.catch((error: unknown) => {
    throw new Error(`${what}: ${oneLineError(error)}`);
  });
  failed.catch(() => undefined);
  return Promise.race([failed, late]).finally(() => clearTimeout(timer));
}
