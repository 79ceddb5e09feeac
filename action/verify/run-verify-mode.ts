import * as core from '@actions/core';
import { sameName } from '../../src/inventory/inventory.js';
import { codeCell, escapeMarkdown } from '../../src/report/escape-markdown.js';
import { readPolicy } from '../environments/read-policy.js';
import { InputError, type ActionSettings } from '../settings.js';
import { detectorsOf } from './check-key-shape.js';
import { reportChecks } from './report-checks.js';
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
  core.setOutput('fingerprint', verdict.fingerprint);
  core.setOutput('status', verdict.status);
  await core.summary
    .addRaw(renderVerifySummary(settings.secretName, provider, verdict, settings.fingerprintKey !== undefined))
    .write();
  reportChecks(verdict.checks, settings.failOn, 'key check');
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
