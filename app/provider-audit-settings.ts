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
  /** The admin API's base URL (`OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL`); '' for the provider's public API. */
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

/** Reads the admin keys and their base URLs; a bad base URL is a one-line error quoting it (never a key). */
export function readProviderAuditSettings(env: NodeJS.ProcessEnv): ProviderAuditSettings | undefined {
  const admins: ProviderAdminSource[] = [];
  for (const api of Object.values(ADMIN_APIS)) {
    const key = env[api.appKeyVariable]?.trim() ?? '';
    if (key === '') continue;
    admins.push({
      provider: api.provider,
      variable: api.appKeyVariable,
      baseUrl: baseUrlOf(api.baseUrlVariable, env[api.baseUrlVariable]?.trim() ?? '', api.defaultBaseUrl),
      adminKey: () => key,
    });
  }
  const org = env.KEY_HYGIENE_PROVIDER_AUDIT_ORG?.trim() || undefined;
  if (org !== undefined && !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(org))
    throw new Error(
      `KEY_HYGIENE_PROVIDER_AUDIT_ORG is ${JSON.stringify(org.slice(0, 100))}: expected an organisation login such as acme`,
    );
  if (admins.length === 0) return undefined;
  return { admins, ...(org && { org }) };
}

function baseUrlOf(variable: string, url: string, example: string): string {
  if (url === '') return '';
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:')
    throw new Error(`${variable} is ${JSON.stringify(url.slice(0, 200))}: expected an http(s) URL such as ${example}`);
  return url;
}
