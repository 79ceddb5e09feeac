import type { KeyOwner, ProviderKey } from '../provider-admin.js';
import { isObject } from './list-all-pages.js';

/** What the mapping needs besides the API's object: the project, the time now, how to refuse. */
export interface MappingContext {
  project: { id: string; name: string } | null;
  now: Date;
  malformed: (problem: string) => Error;
}

// Ids go back into request paths (revoke, per-project lists): only the characters OpenAI's ids use.
const ID = /^[A-Za-z0-9_-]{1,200}$/;

/** An OpenAI `ProjectAPIKey` (`owner_project_access` tells whether its owner still has access). */
export function projectKeyToProviderKey(raw: Record<string, unknown>, context: MappingContext): ProviderKey {
  const owner = isObject(raw.owner) ? raw.owner : {};
  const isService = owner.type === 'service_account';
  const who = isService ? owner.service_account : owner.user;
  const keyOwner: KeyOwner | null =
    isObject(who) && isUsableId(who.id)
      ? {
          type: isService ? 'service-account' : 'user',
          id: who.id,
          name: text(who.name),
          email: isService ? null : text(who.email),
          // A listing without the field (a server that predates it) cannot tell: the key is still listed
          // and judged on its age and use; only the orphan check has nothing to go on.
          hasAccess: raw.owner_project_access !== 'inactive',
        }
      : null;
  return { ...common(raw, context), kind: 'project', project: context.project, owner: keyOwner };
}

/** An OpenAI `AdminAPIKey` (`sk-admin-…`): no project; `expires_at` may be null (it never expires). */
export function adminKeyToProviderKey(raw: Record<string, unknown>, context: MappingContext): ProviderKey {
  const owner = isObject(raw.owner) && isUsableId(raw.owner.id) ? raw.owner : null;
  return {
    ...common(raw, context),
    kind: 'admin',
    project: null,
    owner: owner && {
      type: owner.type === 'service_account' ? 'service-account' : 'user',
      id: String(owner.id),
      name: text(owner.name),
      email: null,
      hasAccess: true,
    },
  };
}

function common(raw: Record<string, unknown>, context: MappingContext) {
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) throw context.malformed('a key without a usable id');
  const createdAt = time(raw.created_at);
  if (createdAt === null) throw context.malformed(`key ${raw.id} without created_at`);
  const lastUsedAt = time(raw.last_used_at);
  const expiresAt = time(raw.expires_at);
  const expired = expiresAt !== null && Date.parse(expiresAt) <= context.now.getTime();
  return {
    provider: 'openai' as const,
    id: raw.id,
    name: text(raw.name) ?? '',
    redacted: redactedForm(raw.redacted_value),
    createdAt,
    lastUsedAt,
    expiresAt,
    status: expired ? ('expired' as const) : ('active' as const),
  };
}

/** OpenAI's Unix seconds as ISO 8601; null for null, absent or not a time. */
function time(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e11) return null;
  return new Date(value * 1000).toISOString();
}

/**
 * A string field, or null: capped, so a hostile name costs bounded space downstream, and without control
 * characters (a name is shown in a terminal, a log and an issue).
 */
export function text(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, 300).replace(CONTROL, ' ') : null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A short head, an ellipsis or stars, a short tail: the vendor's documented `sk-abc...def`. */
const REDACTED = /^[A-Za-z0-9_-]{0,12}(?:\.{3}|…|\*{1,64})[A-Za-z0-9_-]{0,6}$/;

/**
 * The redacted form as listed, when it is one. Anything else (a server that lists the whole value, by
 * bug or on purpose) is cut to a head of 8 and a tail of 3, so a key's value never leaves the engine
 * whole through this field; too short to cut safely, null.
 */
function redactedForm(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (REDACTED.test(value)) return value;
  return value.length >= 24
    ? `${value.slice(0, 8).replace(CONTROL, ' ')}...${value.slice(-3).replace(CONTROL, ' ')}`
    : null;
}

export function isUsableId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}
