import type { Probot } from 'probot';
import type { AppSettings } from '../settings.js';
import type { ProviderAuditRun } from './sweep-provider-keys.js';

/**
 * Which organisation the server's provider admin keys audit. An admin key belongs to one provider
 * organisation, so the App uses it for one GitHub organisation only: the one
 * `KEY_HYGIENE_PROVIDER_AUDIT_ORG` names, or else the App's only installation. With several
 * installations and no name, it refuses to guess: one log line, and no provider audit.
 * https://docs.github.com/rest/apps/apps#list-installations-for-the-authenticated-app
 */
export async function providerAuditFor(
  app: Probot,
  settings: AppSettings,
  log: (message: string) => void,
): Promise<ProviderAuditRun | undefined> {
  const audit = settings.providerAudit;
  if (!audit) return undefined;
  if (audit.org !== undefined) return { admins: audit.admins, org: audit.org, warn: log };
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate('GET /app/installations', { per_page: 100 });
  const active = installations.filter((i) => !i.suspended_at);
  const only = active.length === 1 ? active[0]?.account : undefined;
  const login = only && 'login' in only ? only.login : undefined;
  if (login) return { admins: audit.admins, org: login, warn: log };
  log(
    `provider audit skipped: ${audit.admins.map((a) => a.variable).join(' and ')} ${audit.admins.length > 1 ? 'are' : 'is'} set but the App has ${active.length} installations; set KEY_HYGIENE_PROVIDER_AUDIT_ORG to the organisation the admin key belongs to`,
  );
  return undefined;
}
