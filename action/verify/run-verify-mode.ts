import * as core from '@actions/core';
import { isAdminProvider } from '../../src/audit/admin-clients.js';
import { ADMIN_CLIENTS } from '../../src/audit/admin-client-factories.js';
import { findProviderKey } from '../../src/audit/find-provider-key.js';
import { sameName } from '../../src/inventory/inventory.js';
import { codeCell, escapeMarkdown } from '../../src/report/escape-markdown.js';
import { readPolicy } from '../environments/read-policy.js';
import { InputError, type ActionSettings } from '../settings.js';
import { detectorsOf } from './check-key-shape.js';
import { reportChecks } from './report-checks.js';
import { reportProviderKey, type ProviderKeyReport } from './report-provider-key.js';
import { verifyKey, type Verdict } from './verify-key.js';

/**
 * `mode: verify` (README, "Verify keys without ever showing them"): mask the key, check its
 * shape and kind (and, with `online`, ask the provider), output `status` and `fingerprint`. The
 * value is never printed.
 */
export async function runVerifyMode(settings: ActionSettings, fetchImpl: typeof fetch = fetch): Promise<void> {
  const value = maskedKey(settings);
  const provider = providerOf(settings);
  const verdict = await verifyKey(
    {
      name: settings.secretName,
      value,
      provider,
      online: settings.online,
      providerUrl: settings.providerUrl,
      repositoryId: settings.context.repositoryId || settings.context.repository,
      ...(settings.fingerprintKey && { fingerprintKey: settings.fingerprintKey }),
    },
    fetchImpl,
  );
  const atProvider = verdict.keyKind ? await lookUpKey(settings, value, provider, fetchImpl) : undefined;
  core.setOutput('fingerprint', verdict.fingerprint);
  core.setOutput('status', verdict.status);
  for (const [output, text] of Object.entries(atProvider?.outputs ?? {})) core.setOutput(output, text);
  await core.summary
    .addRaw(renderVerifySummary(settings.secretName, provider, verdict, settings.fingerprintKey !== undefined))
    .addRaw((atProvider?.summary ?? []).join('\n'))
    .write();
  reportChecks([...verdict.checks, ...(atProvider?.checks ?? [])], settings.failOn, 'key check');
}

/**
 * With the provider's admin key in the job's env, which key of the provider's inventory the secret
 * holds. Only a value with the provider's shape is looked up, and the value itself is never sent:
 * it is matched against the redacted forms the admin API lists.
 */
async function lookUpKey(
  settings: ActionSettings,
  value: string,
  provider: string,
  fetchImpl: typeof fetch,
): Promise<ProviderKeyReport | undefined> {
  const admin = isAdminProvider(provider) && settings.adminApis[provider];
  if (!admin) return undefined;
  const create = ADMIN_CLIENTS[provider];
  const lookup = await findProviderKey(value, provider, { ...admin, fetch: fetchImpl }, async () => create);
  return reportProviderKey(settings.secretName, provider, lookup);
}

/** The key from the environment, masked before anything else is printed: a mask hides later log lines only. */
function maskedKey(settings: ActionSettings): string {
  const value = settings.secretValue;
  if (value) {
    core.setSecret(value);
    if (value.trim() !== value && value.trim()) core.setSecret(value.trim());
  }
  const name = settings.secretName;
  if (!name)
    throw new InputError(
      "input 'secret' is empty: name the environment variable that holds the key, e.g. secret: OPENAI_API_KEY",
    );
  // A secret that does not exist in the job's environment reaches `env:` as an empty string.
  if (!value || !value.trim()) {
    throw new InputError(
      `environment variable ${name} is ${value === undefined ? 'not set' : 'empty'}: pass the key through env: (env: { ${name}: \${{ secrets.${name} }} }) in a job bound to an environment that defines it`,
    );
  }
  return value;
}

function providerOf(settings: ActionSettings): string {
  const provider = settings.provider || policyProvider(settings);
  if (!provider) {
    throw new InputError(
      `no provider for ${settings.secretName}: set the 'provider' input, or a 'provider' in the policy's keys entry for ${settings.secretName}`,
    );
  }
  if (detectorsOf(provider).length === 0)
    throw new InputError(
      `provider '${provider}' is not known: expected a provider such as openai, anthropic, github or stripe`,
    );
  return provider;
}

function policyProvider(settings: ActionSettings): string | undefined {
  const config = readPolicy(settings.configPath, settings.context.workspace);
  return config.keys.find((key) => sameName(key.secret, settings.secretName))?.provider;
}

/** Said in every summary of a fingerprint keyed with the repository id, which anyone can read. */
export const UNKEYED_VERIFY_NOTE =
  'The fingerprint is keyed with the repository id, which is public: it hides a high-entropy key, but a guessable value could be found from it. Give every verify step `fingerprint-key: ${{ secrets.KEY_HYGIENE_FINGERPRINT_KEY }}` (one repository secret, the same in every job).';

function renderVerifySummary(name: string, provider: string, verdict: Verdict, keyed: boolean): string {
  const md = escapeMarkdown;
  const problems = verdict.checks.map((c) => `- **${c.level}**: ${md(c.message)}`);
  return [
    `## Key Hygiene: ${md(name)}`,
    '',
    '| Secret | Provider | Key kind | Online | Fingerprint |',
    '|---|---|---|---|---|',
    `| ${codeCell(name)} | ${md(provider)} | ${md(verdict.keyKind ?? `not a ${provider} key`)} | ${md(verdict.status)}${verdict.live ? ` (${md(verdict.live)})` : ''} | \`${verdict.fingerprint}\` |`,
    '',
    ...(problems.length ? [...problems, ''] : []),
    ...(keyed ? [] : [`> ${UNKEYED_VERIFY_NOTE}`, '']),
  ].join('\n');
}
