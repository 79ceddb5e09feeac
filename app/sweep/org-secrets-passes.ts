import type { KeyDecision } from '../../src/inventory/decision.js';
import type { DashboardSkipped } from '../../src/tracking/dashboard/dashboard-skipped.js';
import type { AdminProviderId } from '../../src/audit/provider-admin.js';

/** The outcome of an organisation's pass over its own secrets, as the dashboards of its repositories need it. */
export interface OrgSecretsPass {
  /** The repository (its name in the org) that tracks the organisation's secrets, when the installation reaches it. */
  trackedIn?: string;
  /** The organisation's secrets judged at the sweep, with their visibility (empty when skipped). */
  decisions: KeyDecision[];
  /** Why the organisation's secrets were not tracked this time. */
  skipped?: DashboardSkipped;
  /** What the latest provider audit of the organisation read, and which providers it could not (the variable, the status). */
  providers?: {
    read: AdminProviderId[];
    unread: Array<{ provider: AdminProviderId; variable: string; status?: number }>;
  };
}

/**
 * The organisation pass of the latest full sweep, by organisation login, for the dashboards of the
 * org's repositories: a re-check from a webhook (which sweeps one repository, not the organisation)
 * writes the same dashboard as the sweep before it instead of flipping a line or a section off and
 * on; after a restart the next full sweep writes it again. The repository sweep reads it for the
 * skipped line (on every dashboard) and for the organisation's secrets (on the dashboard of the
 * repository that tracks them).
 */
export interface OrgSecretsPasses {
  /** Records the outcome of `org`'s pass. */
  note(org: string, pass: OrgSecretsPass): void;
  /** The latest pass over `org`'s secrets, if any. */
  last(org: string): OrgSecretsPass | undefined;
  /** The dashboard line for `owner`'s organisation secrets, if the latest pass skipped them (empty otherwise). */
  skipped(owner: string): DashboardSkipped[];
  /** The latest pass over `owner`'s secrets when `repo` is the repository that tracks them. */
  trackedIn(owner: string, repo: string): OrgSecretsPass | undefined;
}

/** An empty memory of organisation passes. */
export function createOrgSecretsPasses(): OrgSecretsPasses {
  const lastPass = new Map<string, OrgSecretsPass>();
  return {
    note: (org, pass) => void lastPass.set(org.toLowerCase(), pass),
    last: (org) => lastPass.get(org.toLowerCase()),
    skipped: (owner) => {
      const skipped = lastPass.get(owner.toLowerCase())?.skipped;
      return skipped ? [skipped] : [];
    },
    trackedIn: (owner, repo) => {
      const pass = lastPass.get(owner.toLowerCase());
      return pass?.trackedIn !== undefined && pass.trackedIn.toLowerCase() === repo.toLowerCase() ? pass : undefined;
    },
  };
}

/** The process's memory: what sweeps use unless given another (as with the process's repository lock). */
export const processOrgSecretsPasses: OrgSecretsPasses = createOrgSecretsPasses();
