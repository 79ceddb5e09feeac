import { makeKey } from '../make-keys.js';
import { seededRng } from '../seeded-rng.js';
import type { Rng } from '../../../src/detectors/detector.js';

/** The statuses Anthropic's Admin API gives a key (`BetaAPIKey.status`). */
export type KeyStatus = 'active' | 'inactive' | 'archived' | 'expired';

export interface Workspace {
  id: string;
  name: string;
  createdAt: Date;
  archivedAt: Date | null;
  /** The organisation's default workspace: listed only with `include_default=true`. */
  isDefault: boolean;
}

export interface User {
  id: string;
  name: string;
  email: string;
  role: 'user' | 'developer' | 'billing' | 'admin' | 'owner';
  addedAt: Date;
  /** Set by `removeUser`: the user is no longer listed, but the keys they made stay (see README). */
  removedAt: Date | null;
}

export interface ApiKey {
  id: string;
  name: string;
  /** The whole key: only `/v1/models` compares it, nothing renders it. */
  value: string;
  workspaceId: string;
  createdBy: { type: 'user' | 'service_account'; id: string } | null;
  principal:
    { type: 'user_actor'; userId: string } | { type: 'service_account_actor'; serviceAccountId: string } | null;
  createdAt: Date;
  expiresAt: Date | null;
  /** The stored status; `expired` is also derived from `expiresAt` against the clock. */
  status: Exclude<KeyStatus, 'expired'>;
}

export interface AdminKey {
  id: string;
  name: string;
  value: string;
  status: 'active' | 'inactive';
}

export interface UsageRecord {
  keyId: string | null;
  workspaceId: string | null;
  at: Date;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreation5mTokens: number;
  cacheCreation1hTokens: number;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** The emulator's records and how ids and key values are made (from one seed, so a run repeats). */
export class AdminState {
  readonly workspaces: Workspace[] = [];
  readonly users: User[] = [];
  readonly keys: ApiKey[] = [];
  readonly adminKeys: AdminKey[] = [];
  readonly usage: UsageRecord[] = [];
  private readonly rng: Rng;
  private seq = 0;

  constructor(
    private readonly seed: number,
    now: Date,
  ) {
    this.rng = seededRng(seed);
    this.workspaces.push({
      id: this.newId('wrkspc'),
      name: 'Default',
      createdAt: now,
      archivedAt: null,
      isDefault: true,
    });
  }

  /** `apikey_01…`, `user_01…`, `wrkspc_01…`: the vendor's prefixes, 22 base58 characters. */
  newId(prefix: string): string {
    return `${prefix}_01${this.rng.string(BASE58, 22)}`;
  }

  /** A realistic key value, made at test time from the seeded generator (never a committed literal). */
  newKeyValue(kind: 'api' | 'admin'): string {
    this.seq += 1;
    const detector = kind === 'api' ? 'anthropic-api-key' : 'anthropic-admin-key';
    return makeKey(detector, this.seed * 100_003 + this.seq);
  }

  defaultWorkspace(): Workspace {
    return this.workspaces.find((w) => w.isDefault)!;
  }

  workspace(id: string): Workspace | undefined {
    return this.workspaces.find((w) => w.id === id);
  }

  activeUser(id: string): User | undefined {
    return this.users.find((u) => u.id === id && !u.removedAt);
  }

  key(id: string): ApiKey | undefined {
    return this.keys.find((k) => k.id === id);
  }

  /** The status the API shows now: an active key past its `expires_at` is `expired`. */
  statusOf(key: ApiKey, now: Date): KeyStatus {
    if (key.status === 'active' && key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
    return key.status;
  }

  /** The key a request's `x-api-key` names, by its whole value. */
  keyByValue(value: string): ApiKey | undefined {
    return this.keys.find((k) => k.value === value);
  }

  adminKeyByValue(value: string): AdminKey | undefined {
    return this.adminKeys.find((k) => k.value === value);
  }
}

/**
 * `partial_key_hint` as Anthropic shows it (`sk-ant-api03-R2D...igAA`): the prefix up to the version,
 * the next three characters, `...`, and the last four.
 */
export function partialKeyHint(value: string): string {
  const prefixEnd = value.indexOf('-', 'sk-ant-'.length) + 1;
  return `${value.slice(0, prefixEnd + 3)}...${value.slice(-4)}`;
}
