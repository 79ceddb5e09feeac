import type { KeyRecord, SeedTime, Store, UsageKind } from './store.js';

export interface SeededKey {
  /** The provider's key id (`key_…`). */
  id: string;
  /** The whole key value (`sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`), made at test time. */
  value: string;
  /** What the API lists as `redacted_value` (`sk-proj...xYz`). */
  redacted: string;
}

export interface KeySeed {
  name: string;
  /** A user id (from addUser) or a service-account id (from addServiceAccount) of the key's project. */
  owner: string;
  createdAt?: SeedTime;
  lastUsedAt?: SeedTime | null;
  expiresAt?: SeedTime | null;
  /** Overrides the listed redacted form (e.g. to make two keys look alike). */
  redacted?: string;
}

export interface AdminKeySeed {
  name: string;
  /** The organisation owner who made it (listed as `owner.name`). Default `Org Owner`. */
  ownerName?: string;
  createdAt?: SeedTime;
  lastUsedAt?: SeedTime | null;
  expiresAt?: SeedTime | null;
}

export interface UsageSeed {
  requests: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Which usage endpoint lists it; default `completions`. */
  endpoint?: UsageKind;
  /** Default `gpt-4o-mini-2024-07-18`. */
  model?: string;
  /** images: images made; audio_speeches: characters; audio_transcriptions: seconds. */
  units?: number;
}

/** The seeding API (documented in openai-admin-emulator.ts). */
export function createSeeding(store: Store) {
  const optionalTime = (time: SeedTime | null | undefined) => (time == null ? null : store.at(time));
  return {
    addProject(seed: { name: string; archived?: boolean; createdAt?: SeedTime }): { id: string; name: string } {
      const id = store.id('proj_');
      const createdAt = store.at(seed.createdAt ?? { daysAgo: 0 });
      store.projects.set(id, {
        id,
        name: seed.name,
        createdAt,
        archivedAt: seed.archived ? store.nowSeconds() : null,
        members: new Map(),
        serviceAccounts: new Map(),
      });
      return { id, name: seed.name };
    },

    archiveProject(projectId: string): void {
      store.project(projectId).archivedAt = store.nowSeconds();
    },

    addUser(
      projectId: string,
      seed: { name: string; email: string; role?: 'owner' | 'member' },
    ): { id: string; name: string; email: string } {
      const project = store.project(projectId);
      const existing = [...store.users.values()].find((u) => u.email === seed.email);
      const user = existing ?? {
        id: store.id('user-'),
        name: seed.name,
        email: seed.email,
        createdAt: store.nowSeconds(),
      };
      store.users.set(user.id, user);
      project.members.set(user.id, { role: seed.role ?? 'member', addedAt: store.nowSeconds(), active: true });
      return { id: user.id, name: user.name, email: user.email };
    },

    /** The user leaves the project: their keys stay enabled but list as `owner_project_access: inactive`. */
    removeUser(projectId: string, userId: string): void {
      const member = store.project(projectId).members.get(userId);
      if (!member) throw new Error(`openai-admin emulator: ${userId} is not in ${projectId}`);
      member.active = false;
    },

    addServiceAccount(
      projectId: string,
      name: string,
      seed: { createdAt?: SeedTime } = {},
    ): { id: string; name: string } {
      const id = store.id('svc_acct_');
      store.project(projectId).serviceAccounts.set(id, { id, name, createdAt: store.at(seed.createdAt ?? {}) });
      return { id, name };
    },

    /** Deletes a service account and its keys, as `DELETE …/service_accounts/{id}` does. */
    removeServiceAccount(projectId: string, serviceAccountId: string): void {
      deleteServiceAccount(store, projectId, serviceAccountId);
    },

    addKey(projectId: string, seed: KeySeed): SeededKey {
      const project = store.project(projectId);
      const type = project.serviceAccounts.has(seed.owner) ? 'service_account' : 'user';
      if (type === 'user' && !project.members.has(seed.owner)) {
        throw new Error(
          `openai-admin emulator: owner ${seed.owner} is neither a user nor a service account of ${projectId}`,
        );
      }
      const made = store.newKeyValue(type === 'user' ? 'user' : 'service-account');
      return addKeyRecord(store, {
        ...made,
        redacted: seed.redacted ?? made.redacted,
        name: seed.name,
        projectId,
        owner: { type, id: seed.owner },
        createdAt: store.at(seed.createdAt ?? {}),
        lastUsedAt: optionalTime(seed.lastUsedAt),
        expiresAt: optionalTime(seed.expiresAt),
      });
    },

    addAdminKey(seed: AdminKeySeed): SeededKey {
      const made = store.newKeyValue('admin');
      const ownerName = seed.ownerName ?? 'Org Owner';
      const owner = [...store.users.values()].find((u) => u.name === ownerName) ?? {
        id: store.id('user-'),
        name: ownerName,
        email: `${ownerName.toLowerCase().replace(/\W+/g, '.')}@example.com`,
        createdAt: store.nowSeconds(),
      };
      store.users.set(owner.id, owner);
      return addKeyRecord(store, {
        ...made,
        name: seed.name,
        projectId: null,
        owner: { type: 'user', id: owner.id },
        createdAt: store.at(seed.createdAt ?? {}),
        lastUsedAt: optionalTime(seed.lastUsedAt),
        expiresAt: optionalTime(seed.expiresAt),
      });
    },

    /** Deletes a key as someone would in OpenAI's dashboard (project or admin key). */
    deleteKey(keyId: string): void {
      const key = store.keys.get(keyId);
      if (!key) throw new Error(`openai-admin emulator: no key ${keyId}`);
      key.deleted = true;
    },

    /** Records use of a key at `at`; the key's `last_used_at` moves forward to it. */
    recordUsage(keyId: string, at: SeedTime, seed: UsageSeed): void {
      const key = store.keys.get(keyId);
      if (!key) throw new Error(`openai-admin emulator: no key ${keyId}`);
      const when = store.at(at);
      store.usage.push({
        kind: seed.endpoint ?? 'completions',
        at: when,
        keyId,
        projectId: key.projectId,
        userId: key.owner?.type === 'user' ? key.owner.id : null,
        model: seed.model ?? 'gpt-4o-mini-2024-07-18',
        requests: seed.requests,
        inputTokens: seed.inputTokens ?? 0,
        outputTokens: seed.outputTokens ?? 0,
        units: seed.units ?? 0,
      });
      if (key.lastUsedAt === null || key.lastUsedAt < when) key.lastUsedAt = when;
    },
  };
}

export type Seeding = ReturnType<typeof createSeeding>;

function addKeyRecord(store: Store, record: Omit<KeyRecord, 'id' | 'deleted'>): SeededKey {
  const id = store.id('key_', 16);
  store.keys.set(id, { ...record, id, deleted: false });
  return { id, value: record.value, redacted: record.redacted };
}

export function deleteServiceAccount(store: Store, projectId: string, serviceAccountId: string): boolean {
  const project = store.project(projectId);
  if (!project.serviceAccounts.delete(serviceAccountId)) return false;
  for (const key of store.projectKeys(projectId)) {
    if (key.owner?.type === 'service_account' && key.owner.id === serviceAccountId) key.deleted = true;
  }
  return true;
}
