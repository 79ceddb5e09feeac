import { withinMs } from './within-ms.js';

export interface CloseSteps {
  /** Closes as BullMQ does: the jobs in hand finish, then the connections quit — which waits for Redis. */
  graceful: () => Promise<void>;
  /** Lets go at once: the jobs in hand are left to their locks, the connections dropped. */
  force: () => Promise<void>;
  /** Asks Redis something small on a connection that gives up. */
  ping: () => Promise<unknown>;
}

/**
 * Closes gracefully while Redis answers; when it does not, or stops answering for `answerMs`
 * during the close, lets go instead — BullMQ's worker connections wait for Redis for ever, so a
 * process stopped during an outage (SIGTERM, the end of `sweep --once`) would never return.
 * Nothing is lost: a job whose end could not be written keeps its lock until it runs out, and a
 * worker takes it again (https://docs.bullmq.io/guide/workers/stalled-jobs).
 */
export async function closeOnOutage(steps: CloseSteps, answerMs: number, pollMs: number): Promise<void> {
  const answers = () =>
    withinMs(steps.ping(), answerMs, 'ping').then(
      () => true,
      () => false,
    );
  const letGo = () => withinMs(steps.force(), answerMs, 'close').catch(() => undefined);
  if (!(await answers())) return letGo();
  const graceful = steps.graceful().then(() => true);
  let answered = Date.now();
  for (;;) {
    const tick = new Promise<false>((resolve) => setTimeout(() => resolve(false), pollMs));
    if (await Promise.race([graceful, tick])) return;
    if (await answers()) answered = Date.now();
    else if (Date.now() - answered >= answerMs) {
      graceful.catch(() => undefined);
      return letGo();
    }
  }
}
