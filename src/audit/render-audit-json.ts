import { toJsonText } from './audit-json-text.js';
import type { AdminProviderId, AuditFinding } from './provider-admin.js';
import type { AuditResult } from './run-audit.js';

/** Version of the audit JSON's shape; bumped only when a field changes meaning or goes away. */
export const AUDIT_JSON_VERSION = 1;

/** A key no environment holds, as `notHeld` lists it. */
export interface AuditJsonKey {
  keyId: string;
  keyName: string;
  project: string | null;
  projectName: string | null;
  redacted: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** `key-hygiene audit --format json`, and the Action's `report` file. */
export interface AuditJsonReport {
  version: typeof AUDIT_JSON_VERSION;
  provider: AdminProviderId;
  /** ISO 8601: the `now` the keys were judged at. */
  generatedAt: string;
  /** How many keys the provider listed, any status. */
  keys: number;
  findings: AuditFinding[];
  /** Why the usage could not be read (no usage spike was judged), or null. */
  usageError: string | null;
  /** With held keys given: the active project keys no environment holds; else null. */
  notHeld: AuditJsonKey[] | null;
}

/** The audit as a stable document: fields in a fixed order, every time ISO 8601 or null. */
export function buildAuditJson(result: AuditResult, now: Date): AuditJsonReport {
  return {
    version: AUDIT_JSON_VERSION,
    provider: result.provider,
    generatedAt: now.toISOString(),
    keys: result.keys.length,
    findings: result.findings.map((f) => ({
      provider: f.provider,
      problem: f.problem,
      keyId: f.keyId,
      keyName: f.keyName,
      project: f.project,
      projectName: f.projectName,
      redacted: f.redacted,
      owner: f.owner,
      createdAt: f.createdAt,
      lastUsedAt: f.lastUsedAt,
      detail: f.detail,
    })),
    usageError: result.usageError ?? null,
    notHeld:
      result.notHeld?.map((k) => ({
        keyId: k.id,
        keyName: k.name,
        project: k.project?.id ?? null,
        projectName: k.project?.name ?? null,
        redacted: k.redacted,
        createdAt: k.createdAt,
        lastUsedAt: k.lastUsedAt,
      })) ?? null,
  };
}

export function renderAuditJson(result: AuditResult, now: Date): string {
  return toJsonText(buildAuditJson(result, now));
}
