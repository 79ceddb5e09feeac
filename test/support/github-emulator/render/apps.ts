import { isoSeconds } from '../clock.js';
import type { Store } from '../store.js';
import type { AppRecord, InstallationRecord } from '../types.js';
import { ghostAccount, nodeId, renderSimpleUser, type Bases } from './accounts.js';

/** `integration` (GET /app, and `performed_via_github_app` on issues). */
export function renderApp(bases: Bases, store: Store, app: AppRecord): Record<string, unknown> {
  const owner = store.account(app.ownerLogin) ?? ghostAccount(app.ownerLogin);
  return {
    id: app.id,
    slug: app.slug,
    client_id: app.clientId,
    node_id: nodeId('A', app.id),
    owner: renderSimpleUser(bases, owner),
    name: app.name,
    description: null,
    external_url: `${bases.htmlBase}/apps/${app.slug}`,
    html_url: `${bases.htmlBase}/apps/${app.slug}`,
    created_at: isoSeconds(app.createdAt),
    updated_at: isoSeconds(app.createdAt),
    permissions: { metadata: 'read', ...app.permissions },
    events: app.events,
    installations_count: [...store.installations.values()].filter((i) => i.appId === app.id).length,
  };
}

/** `installation` (GET /app/installations, /repos/{owner}/{repo}/installation …). */
export function renderInstallation(
  bases: Bases,
  store: Store,
  installation: InstallationRecord,
): Record<string, unknown> {
  const account = store.account(installation.account) ?? ghostAccount(installation.account);
  const app = store.apps.get(installation.appId);
  return {
    id: installation.id,
    account: renderSimpleUser(bases, account),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${bases.apiBase}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${bases.apiBase}/installation/repositories`,
    html_url: `${bases.htmlBase}/organizations/${account.login}/settings/installations/${installation.id}`,
    app_id: installation.appId,
    app_slug: app?.slug ?? 'app',
    target_id: account.id,
    target_type: account.type === 'Organization' ? 'Organization' : 'User',
    permissions: { metadata: 'read', ...installation.permissions },
    events: installation.events,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    created_at: isoSeconds(installation.createdAt),
    updated_at: isoSeconds(installation.createdAt),
    suspended_by: null,
    suspended_at: installation.suspendedAt ? isoSeconds(installation.suspendedAt) : null,
  };
}
