/**
 * What Key Hygiene reads from a provider's administration API (OpenAI's Administration API,
 * Anthropic's Admin API), asked with an admin key: the provider's own record of every key, which is
 * the truth about a key's age and use that a GitHub secret's `updated_at` cannot tell.
 *
 * Each provider with an admin API has one client in `src/audit/<provider>/` implementing
 * `ProviderAdmin`; `src/audit/admin-clients.ts` lists them. The engine passes `fetch` in, so nothing
 * here imports an HTTP adapter, and a client never follows a redirect nor sends the admin key to a
 * host other than its base URL.
 */

/** The providers that have an admin-API client. */
export type AdminProviderId = 'openai' | 'anthropic';

/** One key as the provider lists it. Never the key's value: providers only show a redacted form. */
export interface ProviderKey {
  provider: AdminProviderId;
  /** The provider's id for the key (`key_abc`, `apikey_01…`). */
  id: string;
  name: string;
  /** The redacted form the provider shows (`sk-proj-…abcd`, `sk-ant-api03-R2D…igAA`), or null. */
  redacted: string | null;
  /**
   * `project`: an OpenAI project key or an Anthropic workspace key; `admin`: an admin key (OpenAI's
   * `sk-admin-…`, which may have an expiry).
   */
  kind: 'project' | 'admin';
  /** OpenAI project or Anthropic workspace the key belongs to, when it belongs to one. */
  project: { id: string; name: string } | null;
  /** Who the key acts as, when the provider says. */
  owner: KeyOwner | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null when never used. For providers with no last-used field, derived from usage. */
  lastUsedAt: string | null;
  /**
   * ISO 8601, set when `lastUsedAt` is derived from a usage report that reaches back only so far
   * (Anthropic): a null `lastUsedAt` then means "not used since this date", not "never used", and a
   * `lastUsedAt` is precise to the report's bucket (a day). Absent when the provider records last use.
   */
  lastUsedKnownSince?: string;
  /** ISO 8601, or null when it never expires. */
  expiresAt: string | null;
  /** `active` works; the others do not (inactive = revoked at Anthropic; a deleted OpenAI key is not listed). */
  status: 'active' | 'inactive' | 'archived' | 'expired';
}

export interface KeyOwner {
  type: 'user' | 'service-account';
  id: string;
  name: string | null;
  email: string | null;
  /**
   * Whether the owner still has access to the key's project (OpenAI `owner_project_access`), or is
   * still a member of the organisation (Anthropic). false: the key is orphaned.
   */
  hasAccess: boolean;
}

/** One hour (or day) of one key's use. */
export interface UsageBucket {
  /** ISO 8601 start of the bucket. */
  start: string;
  /** ISO 8601 end of the bucket (exclusive). */
  end: string;
  requests: number;
  /** Input + output tokens. */
  tokens: number;
}

/** Per-key usage over a window, in hourly buckets. */
export interface KeyUsage {
  /** key id → buckets in time order; a key with no use in the window has no entry. */
  byKey: Map<string, UsageBucket[]>;
  /** ISO 8601 window asked. */
  from: string;
  to: string;
}

export interface ProviderAdmin {
  provider: AdminProviderId;
  /** Every key the organisation holds: project/workspace keys and admin keys, any status. */
  listKeys(): Promise<ProviderKey[]>;
  /** Hourly requests and tokens per key id between `from` and `to` (ISO 8601). */
  usage(from: string, to: string): Promise<KeyUsage>;
  /**
   * Makes the key stop working: OpenAI deletes it (a service account's key through the service
   * account's own endpoint), Anthropic sets it `inactive`.
   */
  revoke(key: ProviderKey): Promise<void>;
}

/** How a client is made: the admin key, the API's base URL, and the caller's `fetch`. */
export interface AdminClientOptions {
  adminKey: string;
  /** e.g. `https://api.openai.com/v1`; '' means the provider's public API. */
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  /** Seconds to wait on 429 at most before giving up (Retry-After is obeyed up to this). */
  maxRetryWait?: number;
  /** Seconds one request may take before it is abandoned (default: the client's own, e.g. 30). */
  timeout?: number;
  /**
   * The environment variable the admin key came from, named in errors (default: the CLI's, e.g.
   * `ANTHROPIC_ADMIN_KEY`; the App passes `KEY_HYGIENE_ANTHROPIC_ADMIN_KEY`).
   */
  keyVariable?: string;
  /** The time a client measures windows from (default: the host clock); tests pass an emulator's. */
  now?: () => Date;
}

/**
 * An admin API refused or failed. `message` is one line naming the environment variable the admin key
 * came from and the HTTP status, never the key nor the provider's body (which may echo it).
 */
export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

/** The kinds of problem the audit reports. */
export type AuditProblem = 'overdue' | 'unused' | 'orphaned' | 'usage-spike' | 'no-expiry';

/** One problem with one provider key: what `audit --format json` prints in `findings`. */
export interface AuditFinding {
  provider: AdminProviderId;
  problem: AuditProblem;
  keyId: string;
  keyName: string;
  /** OpenAI project id or Anthropic workspace id, when there is one. */
  project: string | null;
  projectName: string | null;
  redacted: string | null;
  /** `user@example.com`, a service account's name, or null. */
  owner: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** One human sentence: what is wrong and what to do, with the numbers. */
  detail: string;
}

/** The audit's policy for one provider, from `.github/key-hygiene.yml` or the defaults. */
export interface AuditPolicy {
  /** Seconds: a key older than this is overdue. */
  rotateEvery: number;
  /** Seconds: a key never used and older than this, or last used longer ago, is unused. */
  unusedAfter: number;
  spike: {
    /** The last hour (or day) must exceed the trailing-week hourly (daily) baseline by this factor. */
    factor: number;
    /** ...and be at least this many requests in the hour. */
    minRequests: number;
    /** ...or at least this many tokens in the hour. */
    minTokens: number;
  };
}
