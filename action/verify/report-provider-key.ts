import { ADMIN_APIS } from '../../src/audit/admin-clients.js';
import type { ProviderKeyLookup } from '../../src/audit/find-provider-key.js';
import type { AdminProviderId, ProviderKey } from '../../src/audit/provider-admin.js';
import { codeCell, escapeMarkdown as md } from '../../src/report/escape-markdown.js';
import type { Check } from './report-checks.js';

/** What verify says about the provider key a secret holds: step outputs, checks, summary lines. */
export interface ProviderKeyReport {
  /** `provider-key-id`, `provider-key-project`, `provider-key-created-at`, `provider-key-last-used-at`. */
  outputs: Record<string, string>;
  checks: Check[];
  summary: string[];
}

/** Ids named in a message at most; the rest are counted. */
const MAX_NAMED = 10;

/**
 * Only one fitting key gives outputs. Several, none, or a failed admin API are warnings, not errors:
 * the lookup could not tell which key this is, which says nothing against the key itself (as an
 * online check that gets no answer is `unknown`, a warning). A key the provider lists as not active
 * does fail: it no longer works.
 */
export function reportProviderKey(
  name: string,
  provider: AdminProviderId,
  lookup: ProviderKeyLookup,
): ProviderKeyReport {
  const api = ADMIN_APIS[provider];
  if (lookup.kind === 'failed')
    return report(api.name, [
      warning(
        `${name}: ${api.name} key inventory not read`,
        `${lookup.detail}: ${name} was not looked up in ${api.name}'s key inventory.`,
      ),
    ]);
  if (lookup.kind === 'none') {
    const unreadable = lookup.unreadable
      ? `, ${lookup.unreadable} of them with a redacted form that cannot be read`
      : '';
    return report(api.name, [
      warning(
        `${name}: not in ${api.name}'s key inventory`,
        `None of the ${lookup.listed} key${lookup.listed === 1 ? '' : 's'} ${api.name} lists for the organisation of ${api.keyVariable} fits the value of ${name}${unreadable}: the key belongs to another organisation or was deleted. Check which organisation issued it.`,
      ),
    ]);
  }
  if (lookup.kind === 'ambiguous') {
    const ids = lookup.keys.slice(0, MAX_NAMED).map((k) => k.id);
    const more = lookup.keys.length > MAX_NAMED ? ` and ${lookup.keys.length - MAX_NAMED} more` : '';
    return report(api.name, [
      warning(
        `${name}: ${lookup.keys.length} ${api.name} keys fit`,
        `${lookup.keys.length} keys ${api.name} lists fit the redacted form of ${name} (${ids.join(', ')}${more}): which one it holds cannot be told, so no provider key id is output.`,
      ),
    ]);
  }
  const key = lookup.key;
  const checks: Check[] =
    key.status === 'active'
      ? []
      : [
          {
            level: 'error',
            title: `${name} is ${key.status} at ${api.name}`,
            message: `${api.name} lists the key of ${name} (${key.id}) as ${key.status}: it no longer works. Make a new key and update the environment secret.`,
          },
        ];
  return {
    outputs: {
      'provider-key-id': key.id,
      'provider-key-project': key.project?.id ?? '',
      'provider-key-created-at': key.createdAt,
      'provider-key-last-used-at': key.lastUsedAt ?? '',
    },
    checks,
    summary: [...renderKey(api.name, key), ...renderChecks(checks)],
  };
}

function renderKey(providerName: string, key: ProviderKey): string[] {
  const project = key.project ? `${md(key.project.name)} (${codeCell(key.project.id)})` : '—';
  return [
    `### The key at ${providerName}`,
    '',
    '| Provider key | Name | Project | Created | Last used | Status |',
    '|---|---|---|---|---|---|',
    `| ${codeCell(key.id)} | ${md(key.name)} | ${project} | ${md(key.createdAt)} | ${md(lastUsed(key))} | ${md(key.status)} |`,
    '',
  ];
}

/** A last use derived from a usage report that reaches back only so far is "not since", not "never". */
function lastUsed(key: ProviderKey): string {
  if (key.lastUsedAt) return key.lastUsedAt;
  return key.lastUsedKnownSince ? `not since ${key.lastUsedKnownSince}` : 'never';
}

function renderChecks(checks: Check[]): string[] {
  return checks.length ? [...checks.map((c) => `- **${c.level}**: ${md(c.message)}`), ''] : [];
}

function warning(title: string, message: string): Check {
  return { level: 'warning', title, message };
}

/** No key found: the summary says why in one line under the provider's heading. */
function report(providerName: string, checks: Check[]): ProviderKeyReport {
  return { outputs: {}, checks, summary: [`### The key at ${providerName}`, '', ...renderChecks(checks)] };
}
