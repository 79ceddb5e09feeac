import type { AuditProblem } from './provider-admin.js';

export interface AuditProblemInfo {
  /** A few words for a table's "what to do" column. */
  todo: string;
  /** `error` fails the Action at `fail-on: error`; `warning` only at `fail-on: warning`. */
  level: 'error' | 'warning';
  /** One sentence on why it matters (SARIF's rule description). */
  risk: string;
}

/**
 * Every problem the audit reports, in the order reports list them. Overdue, orphaned and spiking keys
 * are errors: a key that has lived too long, that nobody answers for, or that someone else may be
 * using. An unused key and an admin key without an end are warnings: a way in to close, not a sign
 * that one is being used.
 */
export const AUDIT_PROBLEMS: Readonly<Record<AuditProblem, AuditProblemInfo>> = {
  'usage-spike': {
    todo: 'check its usage; rotate if not yours',
    level: 'error',
    risk: "The key's use jumped far above its own trailing-week mean: the first sign a leaked key shows.",
  },
  orphaned: {
    todo: 'delete (owner lost access)',
    level: 'error',
    risk: 'The key still works though its owner no longer has access: nobody who may use it answers for it.',
  },
  overdue: {
    todo: 'rotate',
    level: 'error',
    risk: 'The key itself, by its creation date at the provider, is older than the rotation policy allows.',
  },
  unused: {
    todo: 'delete (unused)',
    level: 'warning',
    risk: 'Nobody has used the key for longer than the policy allows: it is a way in that nobody needs.',
  },
  'no-expiry': {
    todo: 'replace with an expiring key',
    level: 'warning',
    risk: 'An admin key can read and delete every key of the organisation; it should expire on its own.',
  },
};

export const AUDIT_PROBLEM_ORDER = Object.keys(AUDIT_PROBLEMS) as AuditProblem[];
