/** Where one run (one sweep of one installation) stands. */
export interface RunReport {
  runId: string;
  installationId: number;
  /** Every job of the run finished: swept, skipped, or failed past its attempts. */
  complete: boolean;
  /** Repositories swept in this run (`owner/repo`), in any process, including before a restart. */
  swept: string[];
  /** Archived repositories: nothing to rotate there. */
  skipped: string[];
  /** One line per repository, organisation pass or installation that failed past its attempts. */
  failed: string[];
  /** Targets queued or running: `owner/repo`, `org/*` (an organisation's secrets), `*` (the listing). */
  pending: string[];
  /** Issue actions applied (planned, in dry-run) by the run's jobs. */
  actions: number;
}

/** A job that failed past its attempts; kept, visible, for the run retention time. */
export interface DeadLetter {
  jobId: string;
  runId: string;
  /** `owner/repo`, `org/*` or `*`, as in {@link RunReport.pending}. */
  target: string;
  /** The last error, one line (never a secret: sweeps only read metadata). */
  reason: string;
  attempts: number;
  failedAt: Date;
}

/**
 * Sweeps as runs of jobs: a run lists an installation's repositories and sweeps each
 * organisation's own secrets and each repository as its own job. In memory (one process, the
 * default) or on Redis with BullMQ (any number of processes sharing the work).
 */
export interface SweepQueue {
  /**
   * Queues run `runId` of an installation. Queuing a run again resumes it: what it already swept is
   * skipped, what is queued or running stays as it is, what failed past its attempts is tried again.
   * (In memory, where nothing outlives the process, a finished run is swept again whole.)
   */
  enqueue(installationId: number, runId: string): Promise<void>;
  report(runId: string): Promise<RunReport>;
  /** Resolves once the run is complete; on Redis, rejects in one line once Redis has not answered for a while. */
  whenDone(runId: string): Promise<RunReport>;
  /** Dead letters, newest first. */
  deadLetters(): Promise<DeadLetter[]>;
  /** Stops working jobs (those in hand finish first) and lets go of connections. */
  close(): Promise<void>;
}
