import { oneLineError } from '../one-line-error.js';
import { ADMIN_APIS, type AdminApiSetting } from './admin-clients.js';
import { matchRedacted } from './match-redacted.js';
import { AdminApiError, type AdminClientOptions, type AdminProviderId, type ProviderKey } from './provider-admin.js';

/** Which key of the provider's inventory a value is, or why that cannot be told. */
export type ProviderKeyLookup =
  | { kind: 'one'; key: ProviderKey }
  | { kind: 'ambiguous'; keys: ProviderKey[] }
  | { kind: 'none'; listed: number; unreadable: number }
  /** The admin API refused or failed: one line naming the admin key's variable and the status. */
  | { kind: 'failed'; detail: string };

/**
 * Lists the provider's keys with the admin key and matches `value` against their redacted forms
 * (match-redacted.ts). The value never leaves this function: only the admin key is sent, and only to
 * the admin API's base URL. A failure of the admin API is a result, not a throw: what the key is
 * stays unknown, and the caller says so.
 */
export async function findProviderKey(
  value: string,
  provider: AdminProviderId,
  options: AdminClientOptions,
  load: AdminApiSetting['load'] = ADMIN_APIS[provider].load,
): Promise<ProviderKeyLookup> {
  let keys: ProviderKey[];
  try {
    keys = await (await load())(options).listKeys();
  } catch (error) {
    return { kind: 'failed', detail: failureLine(error, provider, options.adminKey) };
  }
  const match = matchRedacted(value, keys);
  return match.kind === 'none' ? { kind: 'none', listed: keys.length, unreadable: match.unreadable } : match;
}

/**
 * The client's own one line (it names the variable and the status), made sure to: a message that
 * lacks either gets it. A client's message should never hold the admin key; if one ever did, it
 * stops here.
 */
function failureLine(error: unknown, provider: AdminProviderId, adminKey: string): string {
  const api = ADMIN_APIS[provider];
  let line = oneLineError(error);
  if (!(error instanceof AdminApiError)) line = `${api.name}'s admin API failed: ${line}`;
  if (!line.includes(api.keyVariable)) line = `${api.keyVariable}: ${line}`;
  const status = error instanceof AdminApiError ? error.status : undefined;
  if (status !== undefined && !line.includes(String(status))) line = `${line} (status ${status})`;
  return adminKey ? line.split(adminKey).join('***') : line;
}
