/**
 * Runs `stop` on the first SIGTERM, then lets the signal end the process as it would have: a
 * deployment's SIGTERM lets the sweep worker finish the jobs in hand (the others stay queued for
 * the other processes) instead of leaving them to the stalled check. Probot's own server already
 * stops on SIGINT.
 */
export function stopOnSigterm(stop: () => Promise<void>): void {
  process.once('SIGTERM', () => {
    void stop().finally(() => process.kill(process.pid, 'SIGTERM'));
  });
}
