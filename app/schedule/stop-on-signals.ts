import { oneLineError } from '../../src/one-line-error.js';
/** What {@link stopOnSigterm} needs of the process; tests pass fakes (a real SIGTERM would end the test run). */
export interface SignalDeps {
  onSigterm: (run: () => void) => void;
  /** Sends SIGTERM again, once the listener is gone: the process ends as it would have. */
  resend: () => void;
  log: (line: string) => void;
}

const processSignals: SignalDeps = {
  onSigterm: (run) => void process.once('SIGTERM', run),
  resend: () => process.kill(process.pid, 'SIGTERM'),
  log: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs `stop` on the first SIGTERM, then lets the signal end the process as it would have: a
 * deployment's SIGTERM lets the sweep worker finish the jobs in hand (the others stay queued for
 * the other processes) instead of leaving them to the stalled check. Probot's own server already
 * stops on SIGINT. A failed stop is one line: the process ends all the same, not on an unhandled rejection.
 */
export function stopOnSigterm(stop: () => Promise<void>, deps: SignalDeps = processSignals): void {
  deps.onSigterm(() => {
    void stop()
      .catch((error: unknown) => deps.log(`key-hygiene: stopping on SIGTERM failed: ${oneLineError(error)}`))
      .finally(() => deps.resend());
  });
}
