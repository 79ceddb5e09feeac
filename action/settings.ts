import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import * as core from '@actions/core';
import { FingerprintKeyError, readFingerprintKey, type FingerprintKey } from '../src/scan/fingerprint-key.js';
import { CONFIG_PATH } from '../src/policy/config-path.js';
import { ADMIN_APIS } from '../src/audit/admin-clients.js';
import type { AdminProviderId } from '../src/audit/provider-admin.js';

export type ActionMode = 'scan' | 'environments' | 'verify' | 'compare';

/** Everything the Action was asked to do and where it runs, read once: nothing else reads inputs or the environment. */
export interface ActionSettings {
  mode: ActionMode;
  /** On schedule / workflow_dispatch: scan the checked-out tree or every commit on every branch. */
  scan: 'tree' | 'history';
  failOn: 'error' | 'warning' | 'never';
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
   * verify: each provider's admin key the job's env holds (`OPENAI_ADMIN_KEY`, `ANTHROPIC_ADMIN_KEY`,
   * masked) and its admin API's base URL (`OPENAI_BASE_URL`, `ANTHROPIC_BASE_URL`, '' for the public
   * API), as the vendors' SDKs read them: the verified key is looked up in that provider's inventory.
   */
  verifyAdmin: Partial<Record<AdminProviderId, { adminKey: string; baseUrl: string }>>;
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
  return {
    mode: oneOf('mode', core.getInput('mode') || 'scan', ['scan', 'environments', 'verify', 'compare'] as const),
    scan: oneOf('scan', core.getInput('scan') || 'tree', ['tree', 'history'] as const),
    failOn: oneOf('fail-on', core.getInput('fail-on') || 'error', ['error', 'warning', 'never'] as const),
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
    verifyAdmin: readAdminKeys(env),
    context,
  };
}

/** The admin keys in the environment, masked before anything is printed. */
function readAdminKeys(env: NodeJS.ProcessEnv): ActionSettings['verifyAdmin'] {
  const found: ActionSettings['verifyAdmin'] = {};
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

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input '${input}' is '${value}': expected one of ${allowed.join(', ')}`);
}
