import { AUDIT_PROBLEM_ORDER, AUDIT_PROBLEMS } from './audit-problems.js';
import type { AuditProblem, ProviderKey } from './provider-admin.js';
import type { AuditResult } from './run-audit.js';

/** One row of a project's table: the key and what its findings say to do. */
export interface AuditRow {
  key: ProviderKey;
  problems: AuditProblem[];
  /** `rotate; delete (unused)`, or `—` when the key has no problem. */
  todo: string;
}

/** A project's (or workspace's) keys; `project` null for keys that belong to none (admin keys). */
export interface AuditTable {
  project: { id: string; name: string } | null;
  rows: AuditRow[];
}

/** The keys of the audit grouped one table per project, in report order (admin keys last). */
export function auditTables(result: Pick<AuditResult, 'keys' | 'findings'>): AuditTable[] {
  const problems = new Map<string, Set<AuditProblem>>();
  for (const f of result.findings) problems.set(f.keyId, (problems.get(f.keyId) ?? new Set()).add(f.problem));
  const tables = new Map<string, AuditTable>();
  for (const key of result.keys) {
    const id = key.project ? `p:${key.project.id}` : 'none';
    const table = tables.get(id) ?? { project: key.project, rows: [] };
    tables.set(id, table);
    const own = AUDIT_PROBLEM_ORDER.filter((p) => problems.get(key.id)?.has(p));
    table.rows.push({ key, problems: own, todo: own.map((p) => AUDIT_PROBLEMS[p].todo).join('; ') || '—' });
  }
  return [...tables.values()];
}

/** Who a key acts as, for a table cell: the email, else the name, else the id, with its kind. */
export function ownerOf(key: ProviderKey): string {
  if (!key.owner) return '—';
  const who = key.owner.email ?? key.owner.name ?? key.owner.id;
  return key.owner.type === 'service-account' ? `${who} (service account)` : who;
}

/** A key's state for a table cell: the provider's status, and `owner lost access` when orphaned. */
export function statusOf(key: ProviderKey): string {
  return key.owner?.hasAccess === false ? `${key.status}, owner lost access` : key.status;
}

/** Text from the provider, cut to a length a table cell and a terminal line can hold. */
export function clip(text: string, max = 80): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
