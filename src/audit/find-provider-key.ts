import { oneLineError } from '../one-line-error.js';
import { ADMIN_APIS } from './admin-clients.js';
import { matchRedacted } from './match-redacted.js';
import { AdminApiError, type AdminClientOptions, type AdminProviderId, type ProviderKey } from './provider-admin.js';

const REFUSED = new Set([401, 403]);

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
  load: () => ReturnType<(typeof ADMIN_APIS)[AdminProviderId]['load']> = ADMIN_APIS[provider].load,
): Promise<ProviderKeyLookup> {
  const api = ADMIN_APIS[provider];
  let keys: ProviderKey[];
  try {
    keys = await (await load())(options).listKeys();
  } catch (error) {
    const detail =
      error instanceof AdminApiError && error.status !== undefined
        ? `${api.name}'s admin API answered ${error.status} to ${api.keyVariable}${REFUSED.has(error.status) ? ' (refused: is it an admin key of the organisation that issued the key?)' : ''}`
        : `${api.name}'s admin API failed with ${api.keyVariable}: ${oneLineError(error)}`;
    // A client's message should never hold the admin key; if one ever did, it stops here.
    return { kind: 'failed', detail: options.adminKey ? detail.split(options.adminKey).join('***') : detail };
  }
  const match = matchRedacted(value, keys);
  return match.kind === 'none' ? { kind: 'none', listed: keys.length, unreadable: match.unreadable } : match;
}
