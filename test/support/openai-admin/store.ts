import type { EmulatorClock } from '../github-emulator/clock.js';
import { createIdMaker, makeKeyValue, redactOpenAiKey, type KeyValueKind } from './key-values.js';

/**
 * A time for a seeded record: a date, or an age relative to the emulator's clock at seeding time
 * (`{ daysAgo: 400 }`), so a test reads as "this key is 400 days old" whatever the clock says.
 */
export type SeedTime = Date | { daysAgo?: number; hoursAgo?: number; minutesAgo?: number };

/** Unix seconds, as every OpenAI timestamp. */
export type UnixSeconds = number;

export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: UnixSeconds;
  archivedAt: UnixSeconds | null;
  /** user id → membership; a removed user stays here with `active: false` (their keys name them). */
  members: Map<string, { role: 'owner' | 'member'; addedAt: UnixSeconds; active: boolean }>;
  serviceAccounts: Map<string, ServiceAccountRecord>;
}

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  createdAt: UnixSeconds;
}

export interface ServiceAccountRecord {
  id: string;
  name: string;
  createdAt: UnixSeconds;
}

export interface KeyRecord {
  id: string;
  /** The whole value: only `/v1/models` compares it; no answer carries it. */
  value: string;
  redacted: string;
  name: string;
  /** null for an admin key. */
  projectId: string | null;
  owner: { type: 'user' | 'service_account'; id: string } | null;
  createdAt: UnixSeconds;
  lastUsedAt: UnixSeconds | null;
  expiresAt: UnixSeconds | null;
  deleted: boolean;
}

/** The usage endpoints the emulator serves (`/v1/organization/usage/{kind}`), all carrying `api_key_id`. */
export const USAGE_KINDS = [
  'completions',
  'embeddings',
  'moderations',
  'images',
  'audio_speeches',
  'audio_transcriptions',
] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export interface UsageRecord {
  kind: UsageKind;
  at: UnixSeconds;
  keyId: string;
  projectId: string | null;
  userId: string | null;
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** images: images made; audio_speeches: characters; audio_transcriptions: seconds. */
  units: number;
}

export class Store {
  readonly projects = new Map<string, ProjectRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly keys = new Map<string, KeyRecord>();
  readonly usage: UsageRecord[] = [];
  readonly id: (prefix: string, length?: number) => string;
  /** OpenAI's older reference: the project key endpoint refuses a service account's key (400). */
  refuseServiceAccountKeyDelete = false;
  private keySeed: number;

  constructor(
    readonly clock: EmulatorClock,
    seed: number,
  ) {
    this.id = createIdMaker(seed);
    this.keySeed = seed * 10_000;
  }

  nowSeconds(): UnixSeconds {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  /** Resolves a SeedTime against the clock now. */
  at(time: SeedTime): UnixSeconds {
    if (time instanceof Date) return Math.floor(time.getTime() / 1000);
    const ago = (time.daysAgo ?? 0) * 86_400 + (time.hoursAgo ?? 0) * 3_600 + (time.minutesAgo ?? 0) * 60;
    return this.nowSeconds() - Math.round(ago);
  }

  project(projectId: string): ProjectRecord {
    const project = this.projects.get(projectId);
    if (!project) throw new Error(`openai-admin emulator: no project ${projectId}`);
    return project;
  }

  newKeyValue(kind: KeyValueKind): { value: string; redacted: string } {
    this.keySeed += 1;
    const value = makeKeyValue(kind, this.keySeed);
    return { value, redacted: redactOpenAiKey(value) };
  }

  /** Whether the key's owner still has access to its project (OpenAI's `owner_project_access`). */
  ownerAccess(key: KeyRecord): 'active' | 'inactive' {
    if (!key.projectId || !key.owner) return 'active';
    const project = this.project(key.projectId);
    if (project.archivedAt !== null) return 'inactive';
    if (key.owner.type === 'service_account') return project.serviceAccounts.has(key.owner.id) ? 'active' : 'inactive';
    return project.members.get(key.owner.id)?.active ? 'active' : 'inactive';
  }

  /** The live keys of a project, in creation order. */
  projectKeys(projectId: string): KeyRecord[] {
    return [...this.keys.values()].filter((k) => k.projectId === projectId && !k.deleted);
  }

  adminKeys(): KeyRecord[] {
    return [...this.keys.values()].filter((k) => k.projectId === null && !k.deleted);
  }

  /** The key a bearer value names, if it exists and is not deleted. */
  keyByValue(value: string): KeyRecord | undefined {
    for (const key of this.keys.values()) if (!key.deleted && key.value === value) return key;
    return undefined;
  }

  isExpired(key: KeyRecord): boolean {
    return key.expiresAt !== null && key.expiresAt <= this.nowSeconds();
  }
}
