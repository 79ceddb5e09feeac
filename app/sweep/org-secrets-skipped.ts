import type { KeyDecision } from '../../src/inventory/decision.js';
import type { DashboardSkipped } from '../../src/tracking/dashboard-skipped.js';

/** The outcome of an organisation's pass over its own secrets, as the dashboards of its repositories need it. */
export interface OrgSecretsPass {
  /** The repository (its name in the org) that tracks the organisation's secrets, when the installation reaches it. */
  trackedIn?: string;
  /** The organisation's secrets judged at the sweep, with their visibility (empty when skipped). */
  decisions: KeyDecision[];
  /** Why the organisation's secrets were not tracked this time. */
  skipped?: DashboardSkipped;
}

// The organisation pass of the latest full sweep, for the dashboards of the org's repositories.
// Kept in memory by organisation login, so a re-check from a webhook (which sweeps one repository,
// not the organisation) writes the same dashboard as the sweep before it instead of flipping a line
// or a section off and on; after a restart the next full sweep writes it again. The repository sweep
// reads it through fetchRepoInventory (the skipped line, on every dashboard) and sweepRepo (the
// organisation's secrets, on the dashboard of the repository that tracks them).
const lastPass = new Map<string, OrgSecretsPass>();

/** Records the outcome of `org`'s pass. */
export function noteOrgSecretsPass(org: string, pass: OrgSecretsPass): void {
  lastPass.set(org.toLowerCase(), pass);
}

/** The latest pass over `org`'s secrets in this process, if any. */
export function lastOrgSecretsPass(org: string): OrgSecretsPass | undefined {
  return lastPass.get(org.toLowerCase());
}

/** The dashboard line for `owner`'s organisation secrets, if the latest pass skipped them (empty otherwise). */
export function orgSecretsSkipped(owner: string): DashboardSkipped[] {
  const skipped = lastPass.get(owner.toLowerCase())?.skipped;
  return skipped ? [skipped] : [];
}

/** The latest pass over `owner`'s secrets when `repo` is the repository that tracks them. */
export function orgSecretsTrackedIn(owner: string, repo: string): OrgSecretsPass | undefined {
  const pass = lastPass.get(owner.toLowerCase());
  return pass?.trackedIn !== undefined && pass.trackedIn.toLowerCase() === repo.toLowerCase() ? pass : undefined;
}
