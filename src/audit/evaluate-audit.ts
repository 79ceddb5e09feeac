import { AUDIT_PROBLEM_ORDER } from './audit-problems.js';
import type { JudgeContext, Judge } from './judge-context.js';
import { judgeNoExpiry } from './judge-no-expiry.js';
import { judgeOrphaned } from './judge-orphaned.js';
import { judgeOverdue } from './judge-overdue.js';
import { judgeUnused } from './judge-unused.js';
import { judgeUsageSpike } from './judge-usage-spike.js';
import type { AuditFinding, AuditProblem, ProviderKey } from './provider-admin.js';

const JUDGES: Readonly<Record<AuditProblem, Judge>> = {
  'usage-spike': judgeUsageSpike,
  orphaned: judgeOrphaned,
  overdue: judgeOverdue,
  unused: judgeUnused,
  'no-expiry': judgeNoExpiry,
};

/**
 * Every problem of every key at `context.now`, one finding per key and problem, sorted by project,
 * key name, key id and problem. Only active keys raise problems: an inactive, archived or expired
 * key no longer works.
 */
export function evaluateAudit(keys: readonly ProviderKey[], context: JudgeContext): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const key of sortKeys(keys)) {
    if (key.status !== 'active') continue;
    for (const problem of AUDIT_PROBLEM_ORDER) {
      const detail = JUDGES[problem](key, context);
      if (detail !== undefined) findings.push(toFinding(key, problem, detail));
    }
  }
  return findings;
}

/** Keys in the order every report lists them: by project (admin keys last), name, then id. */
export function sortKeys(keys: readonly ProviderKey[]): ProviderKey[] {
  const order = (k: ProviderKey) => [
    k.project === null ? 1 : 0,
    k.project?.name ?? '',
    k.project?.id ?? '',
    k.name,
    k.id,
  ];
  return [...keys].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  });
}

/** The fields every report shows, in the JSON report's order. */
export function toFinding(key: ProviderKey, problem: AuditProblem, detail: string): AuditFinding {
  return {
    provider: key.provider,
    problem,
    keyId: key.id,
    keyName: key.name,
    project: key.project?.id ?? null,
    projectName: key.project?.name ?? null,
    redacted: key.redacted,
    owner: key.owner ? (key.owner.email ?? key.owner.name) : null,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    detail,
  };
}
