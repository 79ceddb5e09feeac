import type { ClientCare } from './github/prepare-client.js';
import type { AppSettings } from './settings.js';
import type { RepoLock } from './sweep/with-repo-lock.js';

/** What the handlers depend on, as parameters with defaults (STYLE.md rule 8). */
export interface AppDeps {
  settings: AppSettings;
  /** The clock: tests move it, nothing sleeps (STYLE.md rule 7). */
  now: () => Date;
  /** How the write pacer waits; tests inject one that moves their clock instead. */
  sleep: (ms: number) => Promise<void>;
  /** ETag cache and write pacers shared by the installation clients; by default made from `now` and `sleep`. */
  clients: ClientCare;
  /** Serialises sweeps of one repository within this app; the process's lock by default. */
  lock: RepoLock;
}
