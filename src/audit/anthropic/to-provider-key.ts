import type { KeyOwner, ProviderKey } from '../provider-admin.js';
import type { ApiKeyRecord, UserRecord, WorkspaceRecord } from './admin-schemas.js';

export interface Directory {
  /** Users still in the organisation, by id (a removed user is not listed). */
  members: ReadonlyMap<string, UserRecord>;
  /** Every workspace, archived and default ones included, by id. */
  workspaces: ReadonlyMap<string, WorkspaceRecord>;
}

/** The workspace a key belongs to: the SDK's `scope`, else the older top-level `workspace_id`. */
function workspaceIdOf(key: ApiKeyRecord): string | null {
  if (key.scope?.type === 'workspace') return key.scope.workspace_id;
  if (key.scope?.type === 'organization') return null;
  return key.workspace_id ?? null;
}

/**
 * Who the key acts as: its `principal`, else whoever `created_by` names. A user is still there when the
 * organisation lists them; a service account is taken as still there (its list is another beta API this
 * client does not read), so a service account's key is never called orphaned.
 */
function ownerOf(key: ApiKeyRecord, { members }: Directory): KeyOwner | null {
  const actor =
    key.principal?.type === 'user_actor'
      ? { type: 'user' as const, id: key.principal.user_id }
      : key.principal?.type === 'service_account_actor'
        ? { type: 'service_account' as const, id: key.principal.service_account_id }
        : key.created_by
          ? {
              type: key.created_by.type === 'service_account' ? ('service_account' as const) : ('user' as const),
              id: key.created_by.id,
            }
          : null;
  if (!actor) return null;
  if (actor.type === 'service_account') {
    return { type: 'service-account', id: actor.id, name: null, email: null, hasAccess: true };
  }
  const member = members.get(actor.id);
  return {
    type: 'user',
    id: actor.id,
    name: member?.name ?? null,
    email: member?.email ?? null,
    hasAccess: Boolean(member),
  };
}

/**
 * One Anthropic key as a `ProviderKey`. Its status is the API's own: a key of an archived workspace is
 * what the API says it is (archiving a workspace archives its keys there); were it still `active`, it is
 * reported active rather than hidden.
 */
export function toProviderKey(key: ApiKeyRecord, directory: Directory): ProviderKey {
  const workspaceId = workspaceIdOf(key);
  return {
    provider: 'anthropic',
    id: key.id,
    name: key.name,
    redacted: key.partial_key_hint ?? null,
    kind: 'project',
    project: workspaceId ? { id: workspaceId, name: directory.workspaces.get(workspaceId)?.name ?? workspaceId } : null,
    owner: ownerOf(key, directory),
    createdAt: new Date(key.created_at).toISOString(),
    lastUsedAt: null,
    expiresAt: key.expires_at ? new Date(key.expires_at).toISOString() : null,
    status: key.status,
  };
}
