import { partialKeyHint, type AdminState, type ApiKey, type User, type Workspace } from './state.js';

/**
 * The JSON shapes of `@anthropic-ai/sdk` v1 (`resources/beta/organization/{api-keys,users,workspaces}.d.ts`),
 * which `test/support/anthropic-admin-emulator.test.ts` reads back through the SDK.
 */

/** RFC 3339 with microseconds, as the API writes its timestamps (`2024-10-30T23:58:27.427722Z`). */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Report bucket edges carry no fraction (`2025-08-01T00:00:00Z`). */
export function bucketTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `BetaAPIKey`. It also carries the older top-level `workspace_id` of the documented (non-beta) shape —
 * null for the default workspace, as the older docs show — so a client written against either reads it.
 */
export function renderKey(state: AdminState, key: ApiKey, now: Date) {
  const workspace = state.workspace(key.workspaceId);
  return {
    type: 'api_key' as const,
    id: key.id,
    name: key.name,
    created_at: rfc3339(key.createdAt),
    created_by: key.createdBy ? { id: key.createdBy.id, type: key.createdBy.type } : null,
    expires_at: key.expiresAt ? rfc3339(key.expiresAt) : null,
    partial_key_hint: partialKeyHint(key.value),
    principal:
      key.principal?.type === 'user_actor'
        ? { type: 'user_actor' as const, user_id: key.principal.userId }
        : key.principal?.type === 'service_account_actor'
          ? { type: 'service_account_actor' as const, service_account_id: key.principal.serviceAccountId }
          : null,
    scope: { type: 'workspace' as const, workspace_id: key.workspaceId },
    status: state.statusOf(key, now),
    workspace_id: workspace?.isDefault ? null : key.workspaceId,
  };
}

/** `BetaOrganizationUser`. */
export function renderUser(user: User) {
  return {
    type: 'user' as const,
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    added_at: rfc3339(user.addedAt),
  };
}

/** `BetaWorkspace`. */
export function renderWorkspace(workspace: Workspace) {
  return {
    type: 'workspace' as const,
    id: workspace.id,
    name: workspace.name,
    created_at: rfc3339(workspace.createdAt),
    archived_at: workspace.archivedAt ? rfc3339(workspace.archivedAt) : null,
    display_color: '#6C5BB9',
    compartment_id: `cmpt_${workspace.id.slice('wrkspc_'.length)}`,
    data_residency: { workspace_geo: 'us', allowed_inference_geos: 'unrestricted', default_inference_geo: 'global' },
    external_key_id: null,
    tags: {},
    user_profile_id: null,
  };
}
