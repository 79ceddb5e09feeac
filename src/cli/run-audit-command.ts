import { readFileSync, writeFileSync } from 'node:fs';
import { ADMIN_APIS, type AdminApiSetting } from '../audit/admin-clients.js';
import { auditPolicyFor } from '../audit/audit-policy.js';
import { hideAdminKey } from '../audit/hide-admin-key.js';
import { parseHeldKeys } from '../audit/parse-held-keys.js';
import { renderAuditJson } from '../audit/render-audit-json.js';
import { renderAuditSarif } from '../audit/render-audit-sarif.js';
import { renderAuditText } from '../audit/render-audit-text.js';
import { runAudit, type AuditResult } from '../audit/run-audit.js';
import type { Config } from '../policy/config-schema.js';
import { showControls } from '../report/show-controls.js';
import { VERSION } from '../version.js';
import type { AuditArgs, CliSettings } from './parse-args.js';

/** The audit cannot start (no admin key, a base URL that is no URL): exit 2 with this one line. */
export class AuditSetupError extends Error {
  override name = 'AuditSetupError';
}

export interface AuditIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

export interface AuditDeps {
  fetch: typeof globalThis.fetch;
  now: () => Date;
}

const defaultDeps: AuditDeps = { fetch: (input, init) => globalThis.fetch(input, init), now: () => new Date() };

/**
 * `key-hygiene audit openai|anthropic`: the admin key from the provider's variable, the client for its
 * base URL, the audit judged by the `providers:` policy, the report in the format asked. Exit 1 when
 * there are findings; 2 when the usage could not be read and nothing was found (the audit is then
 * incomplete: no spike could be judged). The admin key never reaches an output: it is cut out of the
 * report and of any error, whatever the provider sent back.
 */
export async function runAuditCommand(
  settings: CliSettings & { audit: AuditArgs },
  config: Config,
  io: AuditIo,
  deps: AuditDeps = defaultDeps,
): Promise<number> {
  const api = ADMIN_APIS[settings.audit.provider];
  const adminKey = adminKeyOf(api, io.env);
  const hide = (text: string) => hideAdminKey(text, adminKey);
  try {
    const heldKeyIds = settings.audit.heldKeys
      ? parseHeldKeys(readFileSync(settings.audit.heldKeys, 'utf8'), settings.audit.heldKeys)
      : undefined;
    const createAdmin = await api.load();
    const admin = createAdmin({ adminKey, baseUrl: baseUrlOf(api, settings.audit, io.env), fetch: deps.fetch });
    const now = deps.now();
    const policy = auditPolicyFor(config, api.provider);
    const result = await runAudit({ admin, policy, now, ...(heldKeyIds && { heldKeyIds }) });
    const report = hide(reportOf(result, now, settings));
    if (settings.output) writeFileSync(settings.output, report);
    else io.stdout.write(report);
    if (result.usageError !== undefined)
      io.stderr.write(
        `key-hygiene: ${hide(showControls(`${api.name} usage not read, so no usage spike was judged: ${result.usageError}`))}\n`,
      );
    return result.findings.length > 0 ? 1 : result.usageError !== undefined ? 2 : 0;
  } catch (error) {
    // The CLI's one catch prints the message; here it only loses the admin key, should a client or
    // a provider's answer have put it in.
    if (error instanceof Error) error.message = hide(error.message);
    throw error;
  }
}

function reportOf(result: AuditResult, now: Date, settings: CliSettings): string {
  if (settings.format === 'json') return renderAuditJson(result, now);
  if (settings.format === 'sarif') return renderAuditSarif(result, VERSION);
  return renderAuditText(result, now, { color: settings.color });
}

function adminKeyOf(api: AdminApiSetting, env: AuditIo['env']): string {
  const key = env[api.keyVariable]?.trim();
  if (!key)
    throw new AuditSetupError(
      `${api.keyVariable} is ${env[api.keyVariable] === undefined ? 'not set' : 'empty'}: set it to an ${api.name} admin key to audit ${api.name}'s keys`,
    );
  return key;
}

function baseUrlOf(api: AdminApiSetting, audit: AuditArgs, env: AuditIo['env']): string {
  const [from, url] =
    audit.baseUrl !== undefined ? ['--base-url', audit.baseUrl] : [api.baseUrlVariable, env[api.baseUrlVariable] ?? ''];
  if (url === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AuditSetupError(`${from} '${showControls(url)}' is not a URL: expected e.g. ${api.defaultBaseUrl}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new AuditSetupError(
      `${from} '${showControls(url)}' is not an http(s) URL: expected e.g. ${api.defaultBaseUrl}`,
    );
  return url;
}
