import type { AppSettings } from './settings.js';

/** What the handlers depend on, as parameters with defaults (STYLE.md rule 8). */
export interface AppDeps {
  settings: AppSettings;
  /** The clock: tests move it, nothing sleeps (STYLE.md rule 7). */
  now: () => Date;
}
