import { invalidRequest, notFound, OpenAiError } from './errors.js';
import { listPage } from './list-page.js';
import { renderAdminKey, renderProject, renderProjectKey, renderProjectUser, renderServiceAccount } from './render.js';
import { deleteServiceAccount } from './seed.js';
import { USAGE_KINDS, type Store, type UsageKind } from './store.js';
import { usagePage } from './usage.js';

export interface RouteRequest {
  method: string;
  /** The path under `/v1`, e.g. `/organization/projects/proj_x/api_keys`. */
  path: string;
  query: URLSearchParams;
}

type Handler = (store: Store, params: string[], query: URLSearchParams) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  /** `admin`: only an admin key; `project`: a project key's value (`/v1/models`). */
  auth: 'admin' | 'project';
  handle: Handler;
}

const ID = '([^/]+)';
const route = (method: string, path: string, handle: Handler, auth: Route['auth'] = 'admin'): Route => ({
  method,
  pattern: new RegExp(`^${path.replaceAll('{id}', ID)}$`),
  auth,
  handle,
});

export const ROUTES: readonly Route[] = [
  route(
    'GET',
    '/models',
    () => ({
      object: 'list',
      data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }],
    }),
    'project',
  ),
  route('GET', '/organization/projects', (store, _, query) => {
    const all = query.get('include_archived') === 'true';
    return listPage([...store.projects.values()].filter((p) => all || p.archivedAt === null).map(renderProject), query);
  }),
  route('GET', '/organization/projects/{id}', (store, [projectId]) => renderProject(projectOf(store, projectId!))),
  route('GET', '/organization/projects/{id}/users', (store, [projectId], query) => {
    const project = projectOf(store, projectId!);
    const active = [...project.members]
      .filter(([, m]) => m.active)
      .map(([id]) => renderProjectUser(store, project, id));
    return listPage(active, query);
  }),
  route('GET', '/organization/projects/{id}/users/{id}', (store, [projectId, userId]) => {
    const project = projectOf(store, projectId!);
    if (!project.members.get(userId!)?.active) throw notFound(`user: ${userId}`);
    return renderProjectUser(store, project, userId!);
  }),
  route('DELETE', '/organization/projects/{id}/users/{id}', (store, [projectId, userId]) => {
    const project = writableProject(store, projectId!);
    const member = project.members.get(userId!);
    if (!member?.active) throw notFound(`user: ${userId}`);
    member.active = false;
    return { object: 'organization.project.user.deleted', id: userId, deleted: true };
  }),
  route('GET', '/organization/projects/{id}/service_accounts', (store, [projectId], query) => {
    const project = projectOf(store, projectId!);
    return listPage(
      [...project.serviceAccounts.keys()].map((id) => renderServiceAccount(project, id)),
      query,
    );
  }),
  route('GET', '/organization/projects/{id}/service_accounts/{id}', (store, [projectId, accountId]) => {
    const project = projectOf(store, projectId!);
    if (!project.serviceAccounts.has(accountId!)) throw notFound(`service account: ${accountId}`);
    return renderServiceAccount(project, accountId!);
  }),
  route('DELETE', '/organization/projects/{id}/service_accounts/{id}', (store, [projectId, accountId]) => {
    writableProject(store, projectId!);
    if (!deleteServiceAccount(store, projectId!, accountId!)) throw notFound(`service account: ${accountId}`);
    return { object: 'organization.project.service_account.deleted', id: accountId, deleted: true };
  }),
  route('GET', '/organization/projects/{id}/api_keys', (store, [projectId], query) => {
    projectOf(store, projectId!);
    // Omitted: "the endpoint applies its existing membership-based visibility rules, which may exclude
    // some enabled keys" (the SDK's APIKeyListParams): here, the keys whose owner lost access are left out.
    const access = query.get('owner_project_access') ?? 'active';
    if (!['active', 'inactive', 'any'].includes(access)) throw invalidRequest(`Invalid 'owner_project_access'.`);
    const keys = store
      .projectKeys(projectId!)
      .filter((k) => access === 'any' || store.ownerAccess(k) === access)
      .map((k) => renderProjectKey(store, k));
    return listPage(keys, query);
  }),
  route('GET', '/organization/projects/{id}/api_keys/{id}', (store, [projectId, keyId]) =>
    renderProjectKey(store, projectKeyOf(store, projectId!, keyId!)),
  ),
  route('DELETE', '/organization/projects/{id}/api_keys/{id}', (store, [projectId, keyId]) => {
    writableProject(store, projectId!);
    // The SDK (openai v7) says: "Deletes an API key from the project, including keys owned by service
    // accounts … Deleting a service-account key does not delete the service account or its other keys."
    const key = projectKeyOf(store, projectId!, keyId!);
    if (store.refuseServiceAccountKeyDelete && key.owner?.type === 'service_account') {
      throw invalidRequest('Cannot delete a service account API key; delete the service account instead.');
    }
    key.deleted = true;
    return { object: 'organization.project.api_key.deleted', id: keyId, deleted: true };
  }),
  route('GET', '/organization/admin_api_keys', (store, _, query) => {
    const keys = store.adminKeys().map((k) => renderAdminKey(store, k));
    return listPage(query.get('order') === 'desc' ? keys.reverse() : keys, query);
  }),
  route('GET', '/organization/admin_api_keys/{id}', (store, [keyId]) =>
    renderAdminKey(store, adminKeyOf(store, keyId!)),
  ),
  route('DELETE', '/organization/admin_api_keys/{id}', (store, [keyId]) => {
    adminKeyOf(store, keyId!).deleted = true;
    return { object: 'organization.admin_api_key.deleted', id: keyId, deleted: true };
  }),
  route('GET', '/organization/usage/{id}', (store, [kind], query) => {
    if (!(USAGE_KINDS as readonly string[]).includes(kind!)) throw notFound(`usage endpoint: ${kind}`);
    return usagePage(store, kind as UsageKind, query);
  }),
];

export function matchRoute(request: RouteRequest): { route: Route; params: string[] } | null {
  for (const candidate of ROUTES) {
    if (candidate.method !== request.method) continue;
    const match = candidate.pattern.exec(request.path);
    if (match) return { route: candidate, params: match.slice(1).map(decodeURIComponent) };
  }
  return null;
}

function projectOf(store: Store, projectId: string) {
  const project = store.projects.get(projectId);
  if (!project) throw notFound(`project: ${projectId}`);
  return project;
}

/** "Archived projects cannot be used or updated" (the SDK's `projects.archive`). */
function writableProject(store: Store, projectId: string) {
  const project = projectOf(store, projectId);
  if (project.archivedAt !== null)
    throw new OpenAiError(400, `Project ${projectId} is archived.`, 'invalid_request_error');
  return project;
}

function projectKeyOf(store: Store, projectId: string, keyId: string) {
  const key = store.keys.get(keyId);
  if (!key || key.deleted || key.projectId !== projectId) throw notFound(`api key: ${keyId}`);
  return key;
}

function adminKeyOf(store: Store, keyId: string) {
  const key = store.keys.get(keyId);
  if (!key || key.deleted || key.projectId !== null) throw notFound(`admin api key: ${keyId}`);
  return key;
}
