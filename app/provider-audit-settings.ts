import { ADMIN_APIS } from '../src/audit/admin-clients.js';
import type { AdminProviderId } from '../src/audit/provider-admin.js';

/**
 * One provider admin key the server holds. The key itself is only reachable through `adminKey()`,
 * so the settings object can be logged or copied without it (README, "Provider keys").
 */
export interface ProviderAdminSource {
  provider: AdminProviderId;
  /** The variable it came from (`KEY_HYGIENE_OPENAI_ADMIN_KEY`), for log lines and the dashboard. */
  variable: string;
  /** The admin API's base URL: `OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL`, else the provider's public API. */
  baseUrl: string;
  adminKey: () => string;
}

/**
 * The provider audit of the org sweep: set when the server has `KEY_HYGIENE_OPENAI_ADMIN_KEY` and/or
 * `KEY_HYGIENE_ANTHROPIC_ADMIN_KEY`. An admin key belongs to one provider organisation, so it is used
 * for one GitHub organisation: `KEY_HYGIENE_PROVIDER_AUDIT_ORG`, or else the App's only installation.
 */
export interface ProviderAuditSettings {
  admins: ProviderAdminSource[];
  /** `KEY_HYGIENE_PROVIDER_AUDIT_ORG`: the organisation login whose sweep runs the audit. */
  org?: string;
}

/**
 * The admin keys in the server's environment (`ADMIN_APIS[…].appKeyVariable`), each with its base
 * URL: the provider's public one unless its SDK's variable names another (tests). A base URL that is
 * not http(s) is a one-line error naming the variable; the key is never quoted. Leak incidents and the
 * provider audit both read them here.
 */
export function readAdminApis(env: NodeJS.ProcessEnv): ProviderAdminSource[] {
  return Object.values(ADMIN_APIS).flatMap((api): ProviderAdminSource[] => {
    const key = env[api.appKeyVariable]?.trim();
    if (!key) return [];
    const baseUrl = env[api.baseUrlVariable]?.trim() || api.defaultBaseUrl;
    if (!/^https?:\/\/[^\s/]+/i.test(baseUrl) || !URL.canParse(baseUrl))
      throw new Error(
        `${api.baseUrlVariable} is ${JSON.stringify(baseUrl.slice(0, 200))}: expected the ${api.name} API's base URL, such as ${api.defaultBaseUrl}`,
      );
    return [
      {
        provider: api.provider,
        variable: api.appKeyVariable,
        baseUrl: baseUrl.replace(/\/+$/, ''),
        adminKey: () => key,
      },
    ];
  });
}

/** The provider audit's settings: the admin keys, and the organisation they are used for. */
export function readProviderAuditSettings(env: NodeJS.ProcessEnv): ProviderAuditSettings | undefined {
  const admins = readAdminApis(env);
  const org = env.KEY_HYGIENE_PROVIDER_AUDIT_ORG?.trim() || undefined;
  if (org !== undefined && !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(org))
    throw new Error(
      `KEY_HYGIENE_PROVIDER_AUDIT_ORG is ${JSON.stringify(org.slice(0, 100))}: expected an organisation login such as acme`,
    );
  if (admins.length === 0) return undefined;
  return { admins, ...(org && { org }) };
}
