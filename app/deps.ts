import type { FingerprintKey } from '../src/scan/fingerprint-key.js';
import type { ClientCare } from './octokit/prepare-client.js';
import type { BullmqSweepQueue, SweepJobEvent } from './queue/bullmq-sweep-queue.js';
import type { AppSettings } from './settings.js';
import type { RepoLock } from './repo/with-repo-lock.js';
import type { OrgSecretsPasses } from './sweep/org-secrets-passes.js';

/** What the handlers depend on, as parameters with defaults, so tests pass their own. */
export interface AppDeps {
  settings: AppSettings;
  /** The clock: tests move it, nothing sleeps. */
  now: () => Date;
  /** How the write pacer waits; tests inject one that moves their clock instead. */
  sleep: (ms: number) => Promise<void>;
  /** ETag cache and write pacers shared by the installation clients; by default made from `now` and `sleep`. */
  clients: ClientCare;
  /** Keys the fingerprints incident markers hold (app/github/app-fingerprint-key.ts); absent, they stay unkeyed. */
  fingerprintKey?: FingerprintKey;
  /** Serialises sweeps of one repository within this app; the process's lock by default. */
  lock: RepoLock;
  /** The organisation passes the dashboards show; the process's memory by default. */
  orgPasses?: OrgSecretsPasses;
  /** Where background work registers how it stops (the server: on SIGTERM); tests call what they are given. */
  stopWith?: (stop: () => Promise<void>) => void;
  /** Sees each attempt of each sweep job this process works with `REDIS_URL` (metrics). */
  observeSweepJob?: (event: SweepJobEvent) => void;
  /** Given the sweep queue once the app made it (`REDIS_URL`): dead letters and job counts for health and metrics. */
  onSweepQueue?: (queue: BullmqSweepQueue) => void;
}
