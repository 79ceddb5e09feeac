/** A scope the sweep could not read. */
export interface DashboardSkipped {
  /** e.g. `environment production`, `organisation secrets`. */
  what: string;
  reason: 'forbidden' | 'not-found' | 'archived';
  /** From `X-Accepted-GitHub-Permissions` on a 403: the permission that was missing. */
  permission?: string;
}
