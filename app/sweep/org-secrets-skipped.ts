import type { DashboardSkipped } from '../../src/report/render-dashboard.js';

// Why the organisation pass of the latest full sweep did not track an organisation's secrets, for
// the dashboards of its repositories. Kept in memory by organisation login, so a re-check from a
// webhook (which sweeps one repository, not the organisation) writes the same dashboard as the
// sweep before it instead of flipping the line off and on; after a restart the next full sweep
// writes it again. The repository sweep reads it through fetchRepoInventory.
const lastSkipped = new Map<string, DashboardSkipped>();

/** Records the outcome of `org`'s pass: why its secrets were skipped, or undefined when they were tracked. */
export function noteOrgSecretsPass(org: string, skipped: DashboardSkipped | undefined): void {
  if (skipped) lastSkipped.set(org.toLowerCase(), skipped);
  else lastSkipped.delete(org.toLowerCase());
}

/** The dashboard line for `owner`'s organisation secrets, if the latest pass skipped them (empty otherwise). */
export function orgSecretsSkipped(owner: string): DashboardSkipped[] {
  const note = lastSkipped.get(owner.toLowerCase());
  return note ? [note] : [];
}
