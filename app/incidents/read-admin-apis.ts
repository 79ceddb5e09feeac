import { ADMIN_APIS } from '../../src/audit/admin-clients.js';
import type { AdminProviderId } from '../../src/audit/provider-admin.js';

/** One provider's admin API as the App's server reaches it. */
export interface AdminApiAccess {
  provider: AdminProviderId;
  /** The admin key: only ever sent to `baseUrl`, never written anywhere. */
  adminKey: string;
  /** The API's base URL: the provider's public one unless its SDK's variable names another (tests). */
  baseUrl: string;
}

/**
 * The admin keys in the server's environment (`ADMIN_APIS[…].appKeyVariable`), each with its base
 * URL. A base URL that is not http(s) is a one-line error naming the variable; the key is never quoted.
 */
export function readAdminApis(env: NodeJS.ProcessEnv): AdminApiAccess[] {
  return Object.values(ADMIN_APIS).flatMap((api): AdminApiAccess[] => {
    const adminKey = env[api.appKeyVariable]?.trim();
    if (!adminKey) return [];
    const baseUrl = env[api.baseUrlVariable]?.trim() || api.defaultBaseUrl;
    if (!/^https?:\/\/[^\s/]+/i.test(baseUrl) || !URL.canParse(baseUrl))
      throw new Error(
        `${api.baseUrlVariable} is ${JSON.stringify(baseUrl.slice(0, 200))}: expected the ${api.name} API's base URL, such as ${api.defaultBaseUrl}`,
      );
    return [{ provider: api.provider, adminKey, baseUrl: baseUrl.replace(/\/+$/, '') }];
  });
}
