import { writeFileSync } from 'node:fs';
import * as core from '@actions/core';
import { ADMIN_APIS, isAdminProvider, type AdminApiSetting } from '../../src/audit/admin-clients.js';
import { ADMIN_CLIENTS } from '../../src/audit/admin-client-factories.js';
import { AUDIT_PROBLEMS } from '../../src/audit/audit-problems.js';
import { auditPolicyFor } from '../../src/audit/audit-policy.js';
import { hideAdminKey } from '../../src/audit/hide-admin-key.js';
import { parseHeldKeys } from '../../src/audit/parse-held-keys.js';
import { renderAuditJson } from '../../src/audit/render-audit-json.js';
import { renderAuditMarkdown } from '../../src/audit/render-audit-markdown.js';
import { runAudit, type AuditResult } from '../../src/audit/run-audit.js';
import { actionLog } from '../action-log.js';
import { readPolicy } from '../environments/read-policy.js';
import { InputError, type ActionSettings } from '../settings.js';
import { reportChecks, type Check } from '../verify/report-checks.js';

export interface AuditModeDeps {
  fetch: typeof globalThis.fetch;
  now: () => Date;
}

const defaultDeps: AuditModeDeps = { fetch: (input, init) => globalThis.fetch(input, init), now: () => new Date() };

/**
 * `mode: audit` (README, "Provider audit"): the provider's own key inventory and usage, read with the
 * admin key from the step's env, judged by the policy's `providers:` section. Writes the per-project
 * tables to the job summary, the JSON report to `report`, an annotation per finding, `findings`, and
 * fails as `fail-on` says — or when the usage could not be read (no spike could be judged), unless
 * `fail-on: never`. The admin key is masked on reading and cut out of every text the mode writes.
 */
export async function runAuditMode(settings: ActionSettings, deps: AuditModeDeps = defaultDeps): Promise<void> {
  const api = adminApiOf(settings.provider);
  const access = settings.adminApis[api.provider];
  const adminKey = access?.adminKey;
  if (!adminKey)
    throw new InputError(
      `environment variable ${api.keyVariable} is not set: pass the ${api.name} admin key through the step's env: (env: { ${api.keyVariable}: \${{ secrets.${api.keyVariable} }} })`,
    );
  const hide = (text: string) => hideAdminKey(text, adminKey);
  const config = readPolicy(settings.configPath, settings.context.workspace);
  const heldKeyIds = settings.heldKeys ? parseHeldKeys(settings.heldKeys, "input 'held-keys'") : undefined;
  const admin = ADMIN_CLIENTS[api.provider]({
    adminKey,
    baseUrl: settings.baseUrlInput || access.baseUrl,
    fetch: deps.fetch,
  });
  const now = deps.now();
  const result = await runAudit({
    admin,
    policy: auditPolicyFor(config, api.provider),
    now,
    ...(heldKeyIds && { heldKeyIds }),
  }).catch((error: unknown) => {
    // Nothing was judged: `findings` still gets a number for the steps after this one, and the step
    // fails with the one line that says why (main.ts), the admin key cut out of it.
    core.setOutput('findings', '0');
    if (error instanceof Error) error.message = hide(error.message);
    throw error;
  });
  writeFileSync(settings.auditReportPath, hide(renderAuditJson(result, now)));
  core.setOutput('report', settings.auditReportPath);
  await core.summary.addRaw(hide(renderAuditMarkdown(result, now))).write();
  reportChecks(
    result.findings.map((f) => toCheck(f, hide)),
    settings.failOn,
    'provider key check',
  );
  reportUsageError(result, api, settings.failOn, hide);
}

function adminApiOf(provider: string): AdminApiSetting {
  if (isAdminProvider(provider)) return ADMIN_APIS[provider];
  throw new InputError(`input 'provider' is '${provider}': mode audit expects ${Object.keys(ADMIN_APIS).join(' or ')}`);
}

function toCheck(f: AuditResult['findings'][number], hide: (text: string) => string): Check {
  return {
    level: AUDIT_PROBLEMS[f.problem].level,
    title: hide(`${f.problem}: ${f.keyName} (${f.keyId})`),
    message: hide(`${f.keyName} (${f.keyId}${f.projectName !== null ? `, ${f.projectName}` : ''}): ${f.detail}`),
  };
}

function reportUsageError(
  result: AuditResult,
  api: AdminApiSetting,
  failOn: ActionSettings['failOn'],
  hide: (text: string) => string,
): void {
  if (result.usageError === undefined) return;
  const message = hide(`${api.name} usage not read, so no usage spike was judged: ${result.usageError}`);
  if (failOn === 'never') actionLog.warning(message);
  else actionLog.setFailed(message);
}
