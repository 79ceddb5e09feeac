import { ADMIN_CLIENTS } from '../../src/audit/admin-client-factories.js';
import { ADMIN_APIS } from '../../src/audit/admin-clients.js';
import type {
  AdminClientOptions,
  AdminProviderId,
  ProviderAdmin,
  ProviderKey,
} from '../../src/audit/provider-admin.js';
import { oneLineError } from '../../src/one-line-error.js';
import type { ProviderAdminSource } from '../provider-audit-settings.js';

/** The admin APIs one event or sweep may ask: each provider's keys read at most once. */
export interface ProviderAdmins {
  /** The providers the server has an admin key for. */
  providers: ReadonlySet<AdminProviderId>;
  /** Every key the provider lists (read once, then the same answer; `again`: read anew). Throws {@link ProviderAdminError}. */
  listKeys(provider: AdminProviderId, again?: boolean): Promise<readonly ProviderKey[]>;
  /** Revokes the key at its provider. Throws {@link ProviderAdminError}. */
  revoke(key: ProviderKey): Promise<void>;
}

/** An admin API failed; `message` is one line without the admin key. */
export class ProviderAdminError extends Error {
  override name = 'ProviderAdminError';
}

/**
 * The admin clients for the server's admin keys (`AppSettings.adminApis`), made when first asked:
 * a push with no OpenAI or Anthropic key never loads one. Make one per event or sweep, so every
 * event reads the provider's keys as they are now. A client's error comes out as one line, with
 * the admin key cut out should a message ever carry it.
 */
export function providerAdmins(
  access: readonly ProviderAdminSource[] | undefined,
  fetch: typeof globalThis.fetch = globalThis.fetch,
): ProviderAdmins {
  const byProvider = new Map((access ?? []).map((a) => [a.provider, a]));
  const clients = new Map<AdminProviderId, Promise<ProviderAdmin>>();
  const listings = new Map<AdminProviderId, Promise<readonly ProviderKey[]>>();
  const client = (provider: AdminProviderId): Promise<ProviderAdmin> => {
    const api = byProvider.get(provider);
    if (!api) return Promise.reject(new ProviderAdminError(`no ${ADMIN_APIS[provider].name} admin key`));
    let made = clients.get(provider);
    if (!made) {
      // The client's messages name the server's variable (KEY_HYGIENE_…), not the CLI's.
      const options: AdminClientOptions = {
        adminKey: api.adminKey(),
        baseUrl: api.baseUrl,
        fetch,
        keyVariable: ADMIN_APIS[provider].appKeyVariable,
      };
      made = Promise.resolve(ADMIN_CLIENTS[provider](options));
      clients.set(provider, made);
    }
    return made;
  };
  const guarded = async <T>(provider: AdminProviderId, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const key = byProvider.get(provider)?.adminKey();
      const line = oneLineError(error);
      throw new ProviderAdminError(key ? line.split(key).join('***') : line);
    }
  };
  return {
    providers: new Set(byProvider.keys()),
    listKeys(provider, again = false) {
      let listed = listings.get(provider);
      if (!listed || again) {
        listed = guarded(provider, async () => (await client(provider)).listKeys());
        listings.set(provider, listed);
      }
      return listed;
    },
    revoke: (key) => guarded(key.provider, async () => (await client(key.provider)).revoke(key)),
  };
}
