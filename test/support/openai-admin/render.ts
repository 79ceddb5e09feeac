import type { KeyRecord, ProjectRecord, Store } from './store.js';

/** The JSON shapes of the `openai` SDK's types (resources/admin/organization/**.d.ts). */

export function renderProject(project: ProjectRecord) {
  return {
    object: 'organization.project' as const,
    id: project.id,
    name: project.name,
    created_at: project.createdAt,
    archived_at: project.archivedAt,
    status: project.archivedAt === null ? 'active' : 'archived',
  };
}

export function renderProjectUser(store: Store, project: ProjectRecord, userId: string) {
  const user = store.users.get(userId)!;
  const member = project.members.get(userId)!;
  return {
    object: 'organization.project.user' as const,
    id: user.id,
    name: user.name,
    email: user.email,
    role: member.role,
    added_at: member.addedAt,
  };
}

export function renderServiceAccount(project: ProjectRecord, serviceAccountId: string) {
  const account = project.serviceAccounts.get(serviceAccountId)!;
  return {
    object: 'organization.project.service_account' as const,
    id: account.id,
    name: account.name,
    role: 'member' as const,
    created_at: account.createdAt,
  };
}

export function renderProjectKey(store: Store, key: KeyRecord) {
  return {
    object: 'organization.project.api_key' as const,
    id: key.id,
    name: key.name,
    redacted_value: key.redacted,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    expires_at: key.expiresAt,
    owner_project_access: store.ownerAccess(key),
    owner: renderOwner(store, key),
  };
}

function renderOwner(store: Store, key: KeyRecord) {
  const project = store.project(key.projectId!);
  if (key.owner?.type === 'service_account') {
    // A deleted service account's keys are deleted with it, so the account is still there when listed.
    const account = project.serviceAccounts.get(key.owner.id);
    return {
      type: 'service_account' as const,
      service_account: {
        id: key.owner.id,
        name: account?.name ?? '',
        role: 'member',
        created_at: account?.createdAt ?? 0,
      },
    };
  }
  const user = store.users.get(key.owner!.id)!;
  const member = project.members.get(user.id);
  return {
    type: 'user' as const,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: member?.role ?? 'member',
      created_at: user.createdAt,
    },
  };
}

export function renderAdminKey(store: Store, key: KeyRecord) {
  const owner = store.users.get(key.owner!.id)!;
  return {
    object: 'organization.admin_api_key' as const,
    id: key.id,
    name: key.name,
    redacted_value: key.redacted,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    expires_at: key.expiresAt,
    owner: {
      type: 'user',
      object: 'organization.user',
      id: owner.id,
      name: owner.name,
      created_at: owner.createdAt,
      role: 'owner',
    },
  };
}
