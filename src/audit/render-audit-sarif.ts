import type { Log, ReportingDescriptor, Result } from 'sarif';
import { showControls } from '../report/show-controls.js';
import { ADMIN_APIS } from './admin-clients.js';
import { toJsonText } from './audit-json-text.js';
import { AUDIT_PROBLEM_ORDER, AUDIT_PROBLEMS } from './audit-problems.js';
import { clip } from './audit-tables.js';
import type { AuditFinding } from './provider-admin.js';
import type { AuditResult } from './run-audit.js';

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/key-hygiene';

/**
 * Under partialFingerprints: a finding is the same across runs when it is the same problem of the
 * same provider key. The key id is the provider's handle for the key, not its value.
 */
const FINGERPRINT_KEY = 'keyHygieneAudit/v1';

/**
 * The audit as a SARIF 2.1.0 log: a rule per problem, a result per finding, located by the key's
 * logical location (provider, project, key id) since no file holds it. Owners stay out: SARIF is
 * uploaded and kept, and the key id leads to the owner for anyone allowed to see it.
 */
export function buildAuditSarif(result: AuditResult, toolVersion: string): Log {
  const rules = AUDIT_PROBLEM_ORDER.map(toRule);
  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'key-hygiene',
            informationUri: INFORMATION_URI,
            version: toolVersion,
            semanticVersion: toolVersion,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications:
              result.usageError === undefined
                ? []
                : [
                    {
                      level: 'warning',
                      message: {
                        text: `Usage not read, so no usage spike was judged: ${showControls(result.usageError)}`,
                      },
                      descriptor: { id: 'usage' },
                    },
                  ],
          },
        ],
        results: result.findings.map((f) => toResult(f, AUDIT_PROBLEM_ORDER.indexOf(f.problem))),
      },
    ],
  };
}

export function renderAuditSarif(result: AuditResult, toolVersion: string): string {
  return toJsonText(buildAuditSarif(result, toolVersion));
}

function toRule(problem: (typeof AUDIT_PROBLEM_ORDER)[number]): ReportingDescriptor {
  const info = AUDIT_PROBLEMS[problem];
  return {
    id: problem,
    name: problem.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: `Provider key ${problem}` },
    fullDescription: { text: info.risk },
    help: { text: `${info.risk} What to do: ${info.todo}.` },
    defaultConfiguration: { level: info.level },
    properties: { tags: ['security', 'secret', 'provider-audit'] },
  };
}

function toResult(f: AuditFinding, ruleIndex: number): Result {
  const name = showControls(clip(f.keyName));
  const redacted = f.redacted ? ` ${showControls(clip(f.redacted))}` : '';
  const vendor = ADMIN_APIS[f.provider].name;
  return {
    ruleId: f.problem,
    ruleIndex,
    level: AUDIT_PROBLEMS[f.problem].level,
    message: { text: `${vendor} key ${name} (${showControls(clip(f.keyId))})${redacted}: ${f.detail}` },
    locations: [
      {
        logicalLocations: [
          {
            name: f.keyId,
            fullyQualifiedName: [f.provider, f.project, f.keyId].filter((p) => p !== null).join('/'),
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: `${f.provider}/${f.keyId}/${f.problem}` },
    properties: {
      provider: f.provider,
      keyId: f.keyId,
      project: f.project,
      createdAt: f.createdAt,
      lastUsedAt: f.lastUsedAt,
    },
  };
}
