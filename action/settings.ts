import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import * as core from '@actions/core';
import { FingerprintKeyError, readFingerprintKey, type FingerprintKey } from '../src/scan/fingerprint-key.js';
import { CONFIG_PATH } from '../src/policy/config-path.js';
import { ADMIN_APIS } from '../src/audit/admin-clients.js';
import type { AdminProviderId } from '../src/audit/provider-admin.js';
import { readVerifyUrl } from '../src/providers/read-verify-url.js';
import type { Confidence } from '../src/types.js';

export type ActionMode = 'scan' | 'environments' | 'verify' | 'compare' | 'audit';

/** Everything the Action was asked to do and where it runs, read once: nothing else reads inputs or the environment. */
export interface ActionSettings {
  mode: ActionMode;
  /** On schedule / workflow_dispatch: scan the checked-out tree or every commit on every branch. */
  scan: 'tree' | 'history';
  failOn: 'error' | 'warning' | 'never';
  /** scan: `min-confidence`, findings less sure are dropped before fail-on and reports; unset: the config's. */
  minConfidence?: Confidence;
  /** Absolute path of the config file (it may not exist: defaults apply). */
  configPath: string;
  /** Absolute path of a baseline file, when given. */
  baselinePath?: string;
  /** Absolute path the SARIF report is written to. */
  sarifPath: string;
  /** API token (environments mode). */
  token: string;
  /** verify: name of the env var holding the key, and the key itself (never printed). */
  secretName: string;
  secretValue?: string;
  /** verify: declared provider, or '' to take it from the policy. */
  provider: string;
  online: boolean;
  providerUrl: string;
  /** compare: the `needs` context as JSON. */
  fingerprints: string;
  /**
   * scan and verify: the key fingerprints are made under (`fingerprint-key`, from a repository
   * secret); absent, scan fingerprints are unkeyed and verify's are keyed with the public repository id.
   */
  fingerprintKey?: FingerprintKey;
  /**
   * verify and audit: each provider's admin key the job's env holds (`OPENAI_ADMIN_KEY`,
   * `ANTHROPIC_ADMIN_KEY`, masked) and its admin API's base URL (`OPENAI_BASE_URL`,
   * `ANTHROPIC_BASE_URL`, '' for the public API), as the vendors' SDKs read them. verify looks the key
   * up in that provider's inventory; audit reads the `provider` input's.
   */
  adminApis: Partial<Record<AdminProviderId, { adminKey: string; baseUrl: string }>>;
  /** scan: `verify-keys`, ask each found key's own provider whether it still works. */
  verifyKeys: boolean;
  /** scan: `verify-urls`, per provider id the base URL asked instead of its public API (proxies, tests). */
  verifyUrls: Record<string, string>;
  /** audit: the `base-url` input, which overrides the provider's base-URL variable ('' when not given). */
  baseUrlInput: string;
  /** audit: the provider key ids the environments hold, as the `held-keys` input gives them ('' when not given). */
  heldKeys: string;
  /** audit: where the JSON report is written (in RUNNER_TEMP, else the workspace). */
  auditReportPath: string;
  /** The run's context, from the runner's environment. */
  context: RunContext;
}

export interface RunContext {
  eventName: string;
  /** The webhook payload of the triggering event. */
  event: Record<string, unknown>;
  /** owner/name */
  repository: string;
  repositoryId: string;
  workspace: string;
  sha: string;
  ref: string;
  serverUrl: string;
  apiUrl: string;
}

/** A bad input: the step fails with this one line. */
export class InputError extends Error {
  override name = 'InputError';
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const context = readContext(env);
  const inWorkspace = (p: string) => (isAbsolute(p) ? p : join(context.workspace, p));
  const secretName = core.getInput('secret');
  const baseline = core.getInput('baseline');
  const fingerprintKey = readKeyInput();
  const minConfidence = core.getInput('min-confidence');
  return {
    mode: oneOf('mode', core.getInput('mode') || 'scan', [
      'scan',
      'environments',
      'verify',
      'compare',
      'audit',
    ] as const),
    scan: oneOf('scan', core.getInput('scan') || 'tree', ['tree', 'history'] as const),
    failOn: oneOf('fail-on', core.getInput('fail-on') || 'error', ['error', 'warning', 'never'] as const),
    ...(minConfidence && { minConfidence: oneOf('min-confidence', minConfidence, ['high', 'medium', 'low'] as const) }),
    configPath: inWorkspace(core.getInput('config') || CONFIG_PATH),
    ...(baseline && { baselinePath: inWorkspace(baseline) }),
    sarifPath: inWorkspace(core.getInput('sarif-file') || 'key-hygiene.sarif'),
    token: core.getInput('token'),
    secretName,
    ...(secretName && env[secretName] !== undefined && { secretValue: env[secretName] }),
    provider: core.getInput('provider'),
    online: core.getBooleanInput('online'),
    providerUrl: core.getInput('provider-url'),
    fingerprints: core.getInput('fingerprints'),
    ...(fingerprintKey && { fingerprintKey }),
    adminApis: readAdminKeys(env),
    verifyKeys: core.getBooleanInput('verify-keys'),
    verifyUrls: readVerifyUrls(core.getMultilineInput('verify-urls')),
    baseUrlInput: core.getInput('base-url'),
    heldKeys: core.getInput('held-keys'),
    auditReportPath: join(env.RUNNER_TEMP || context.workspace, 'key-hygiene-audit.json'),
    context,
  };
}

/** The admin keys in the environment, masked before anything is printed. */
function readAdminKeys(env: NodeJS.ProcessEnv): ActionSettings['adminApis'] {
  const found: ActionSettings['adminApis'] = {};
  for (const api of Object.values(ADMIN_APIS)) {
    const value = env[api.keyVariable];
    if (!value?.trim()) continue;
    core.setSecret(value);
    if (value.trim() !== value) core.setSecret(value.trim());
    found[api.provider] = { adminKey: value.trim(), baseUrl: env[api.baseUrlVariable]?.trim() ?? '' };
  }
  return found;
}

function readContext(env: NodeJS.ProcessEnv): RunContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  let event: Record<string, unknown> = {};
  if (eventPath) {
    try {
      event = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH=${eventPath}`);
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    repository: env.GITHUB_REPOSITORY ?? '',
    repositoryId: env.GITHUB_REPOSITORY_ID ?? String((event.repository as { id?: number } | undefined)?.id ?? ''),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
  };
}

/** `fingerprint-key`, masked before anything is printed; its one-line error never quotes it. */
function readKeyInput(): FingerprintKey | undefined {
  const value = core.getInput('fingerprint-key');
  if (value) core.setSecret(value);
  try {
    return readFingerprintKey(value, "input 'fingerprint-key'");
  } catch (error) {
    throw error instanceof FingerprintKeyError ? new InputError(error.message) : error;
  }
}

/** `verify-urls`: one `provider=url` a line. */
function readVerifyUrls(lines: readonly string[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const line of lines) {
    const read = readVerifyUrl(line);
    if ('error' in read) throw new InputError(`input 'verify-urls': line '${line}' ${read.error}`);
    urls[read.provider] = read.url;
  }
  return urls;
}

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input '${input}' is '${value}': expected one of ${allowed.join(', ')}`);
}
