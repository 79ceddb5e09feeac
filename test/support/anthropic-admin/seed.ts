import type { EmulatorClock } from '../github-emulator/clock.js';
import { partialKeyHint, type AdminState, type ApiKey, type KeyStatus } from './state.js';

export interface SeededKey {
  id: string;
  /** The whole key (`sk-ant-api03-…AA`), made at test time; what a GitHub secret would hold. */
  value: string;
  /** `partial_key_hint` as the API shows it: `sk-ant-api03-R2D...igAA`. */
  redacted: string;
}

/** The emulator's seeding API (README.md): the organisation a test starts from, and its later changes. */
export interface AdminSeeder {
  addWorkspace(options: { name: string; archived?: boolean; createdAt?: Date | string }): { id: string; name: string };
  /** Archives a workspace; its keys become `archived`, as archiving does in the Console. */
  archiveWorkspace(id: string): void;
  /** The organisation's default workspace (listed only with `include_default=true`). */
  defaultWorkspace(): { id: string; name: string };
  addUser(options: {
    name: string;
    email: string;
    role?: 'user' | 'developer' | 'billing' | 'admin' | 'owner';
    addedAt?: Date | string;
  }): { id: string; name: string; email: string };
  /** The user leaves the organisation; the keys they made stay as they were. */
  removeUser(id: string): void;
  addKey(options: {
    name: string;
    /** The user (or service account, `svcacct_…`) that made it. */
    createdBy: string;
    /** Default: the default workspace. */
    workspaceId?: string;
    createdAt?: Date | string;
    status?: Exclude<KeyStatus, 'expired'>;
    expiresAt?: Date | string | null;
    /** Who the key acts as: the creator (default), nobody (`null`, legacy keys), or another user. */
    principalUserId?: string | null;
  }): SeededKey;
  setKeyStatus(id: string, status: Exclude<KeyStatus, 'expired'>): void;
  /** The key's status as the API shows it now. */
  keyStatus(id: string): KeyStatus;
  addAdminKey(options?: { name?: string; status?: 'active' | 'inactive' }): SeededKey;
  /**
   * One request's use by a key (or `null`: Workbench use, which has no key), in the bucket of `at`.
   * `inputTokens` are the uncached input tokens.
   */
  recordUsage(
    keyId: string | null,
    at: Date | string,
    usage: {
      inputTokens: number;
      outputTokens: number;
      cacheReadTokens?: number;
      cacheCreationTokens?: number;
      model?: string;
    },
  ): void;
}

function toDate(value: Date | string | undefined, fallback: Date): Date {
  return value === undefined ? fallback : new Date(value);
}

function principalOf(id: string | null): ApiKey['principal'] {
  if (id === null) return null;
  if (id.startsWith('svcacct_')) return { type: 'service_account_actor', serviceAccountId: id };
  return { type: 'user_actor', userId: id };
}

export function createSeeder(state: AdminState, clock: EmulatorClock): AdminSeeder {
  const keyOf = (id: string) => {
    const key = state.key(id);
    if (!key) throw new Error(`no key ${id}`);
    return key;
  };
  const seedValue = (kind: 'api' | 'admin') => {
    const value = state.newKeyValue(kind);
    return { value, redacted: partialKeyHint(value) };
  };
  return {
    addWorkspace({ name, archived, createdAt }) {
      const now = clock.now();
      const id = state.newId('wrkspc');
      state.workspaces.push({
        id,
        name,
        createdAt: toDate(createdAt, now),
        archivedAt: archived ? now : null,
        isDefault: false,
      });
      return { id, name };
    },
    archiveWorkspace(id) {
      const workspace = state.workspace(id);
      if (!workspace || workspace.isDefault) throw new Error(`no workspace ${id} to archive`);
      workspace.archivedAt = clock.now();
      for (const key of state.keys) if (key.workspaceId === id) key.status = 'archived';
    },
    defaultWorkspace() {
      const { id, name } = state.defaultWorkspace();
      return { id, name };
    },
    addUser({ name, email, role, addedAt }) {
      const id = state.newId('user');
      state.users.push({
        id,
        name,
        email,
        role: role ?? 'developer',
        addedAt: toDate(addedAt, clock.now()),
        removedAt: null,
      });
      return { id, name, email };
    },
    removeUser(id) {
      const user = state.activeUser(id);
      if (!user) throw new Error(`no user ${id} to remove`);
      user.removedAt = clock.now();
    },
    addKey({ name, createdBy, workspaceId, createdAt, status, expiresAt, principalUserId }) {
      const workspace = workspaceId === undefined ? state.defaultWorkspace() : state.workspace(workspaceId);
      if (!workspace) throw new Error(`no workspace ${workspaceId}`);
      const { value, redacted } = seedValue('api');
      const id = state.newId('apikey');
      state.keys.push({
        id,
        name,
        value,
        workspaceId: workspace.id,
        createdBy: { type: createdBy.startsWith('svcacct_') ? 'service_account' : 'user', id: createdBy },
        principal: principalOf(principalUserId === undefined ? createdBy : principalUserId),
        createdAt: toDate(createdAt, clock.now()),
        expiresAt: expiresAt === undefined || expiresAt === null ? null : new Date(expiresAt),
        status: status ?? 'active',
      });
      return { id, value, redacted };
    },
    setKeyStatus(id, status) {
      keyOf(id).status = status;
    },
    keyStatus(id) {
      return state.statusOf(keyOf(id), clock.now());
    },
    addAdminKey({ name, status } = {}) {
      const { value, redacted } = seedValue('admin');
      const id = state.newId('apikey');
      state.adminKeys.push({ id, name: name ?? 'Admin key', value, status: status ?? 'active' });
      return { id, value, redacted };
    },
    recordUsage(keyId, at, usage) {
      const key = keyId === null ? undefined : keyOf(keyId);
      state.usage.push({
        keyId,
        workspaceId: key?.workspaceId ?? null,
        at: new Date(at),
        model: usage.model ?? 'claude-sonnet-4-20250514',
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        cacheReadTokens: usage.cacheReadTokens ?? 0,
        cacheCreation5mTokens: usage.cacheCreationTokens ?? 0,
        cacheCreation1hTokens: 0,
      });
    },
  };
}
