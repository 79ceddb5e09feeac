/**
 * Everything Key Hygiene knows about one provider, in one record (one file per provider, listed in
 * src/providers/registry.ts). Detectors stay data of their own (src/detectors/): a record owns the
 * detectors whose id starts with its id and a dash (`openai` owns `openai-project-key`; the longest
 * id wins, so `azure-openai-key` is Azure OpenAI's), see owner-of-detector.ts.
 */
export interface ProviderRecord {
  /**
   * Lower-case words joined by dashes: what a policy's `provider:` says, what a finding's
   * `provider` says for the providers that have a finding group of their own, and the head of its
   * detectors' ids.
   */
  id: string;
  /** The vendor's name as people write it, e.g. "OpenAI". */
  name: string;
  /**
   * Other names for it, lower-case with dashes between words (`open-ai`, `hf`): a policy's
   * `provider:` may use them, and a secret's name names the provider when the id's or an alias's
   * words appear in it as whole words (`OPEN_AI_KEY`, `HF_TOKEN`). No alias is another record's.
   */
  aliases: readonly string[];
  /**
   * Set on the groups that are no vendor (generic values, private keys, repository hygiene): no
   * secret name names them, no alias, no rotation page, and `verify` knows no key shape of theirs.
   */
  nameless?: true;
  /** What to do when one of its keys is found in code, when its detectors share one sentence. */
  remediation?: string;
  /** How its keys are replaced; every provider with a name has one. */
  rotation?: RotationSteps;
  /** How `verify` with `online: true` asks the provider whether a key is live; absent: shape only. */
  liveCheck?: LiveCheckEndpoint;
  /**
   * The vendor's guide to GitHub Actions workload identity federation, when it has one: a workflow
   * trades its OIDC token for a short-lived access token, so no key is stored at all. Where a key
   * sits in a GitHub environment, Key Hygiene says it could be replaced so.
   */
  federation?: { url: string };
  /**
   * Key kinds that work but should not sit in a workload's secret (detector id → why, as the end of
   * "NAME holds …"): `verify` warns about them.
   */
  discouraged?: Readonly<Record<string, string>>;
  /**
   * Reserved for a later admin-inventory client (listing the keys the provider's admin API knows,
   * to match them against the repository's secrets). No provider has one yet; nothing reads it.
   */
  inventory?: InventoryClient;
}

export interface RotationSteps {
  /** The vendor's page (https) where its keys are made and revoked, or its doc on doing so. */
  url: string;
  /** The key issue's step to make the new key, when Key Hygiene has provider-specific words for it. */
  create?: string;
  /** The key issue's step to revoke the old key, likewise. */
  revoke?: string;
}

/**
 * A read-only request the provider answers according to the key it carries (by default a GET with
 * the key in `Authorization: Bearer`): 200 valid, 401 invalid or revoked, 429 out of quota or
 * rate-limited, a redirect (never followed) or anything else unknown. The optional fields say how a
 * vendor differs; src/providers/check-key-online.ts reads them.
 */
export interface LiveCheckEndpoint {
  /** The public API's origin, used when `verify` is given no `provider-url`. */
  defaultUrl: string;
  /** The path asked, e.g. `/v1/models`. */
  path: string;
  /** `GET` unless the vendor documents the identity call as a POST (Slack's `auth.test`). */
  method?: 'GET' | 'POST';
  /** How the key is sent: `bearer` (default), see {@link LiveCheckAuth}. */
  auth?: LiveCheckAuth;
  /** Fixed headers the vendor requires beside the key, e.g. `anthropic-version`. Never the key. */
  headers?: Readonly<Record<string, string>>;
  /** The detector ids whose keys this call can judge (default: every detector of the record). */
  detectors?: readonly string[];
  /** Only keys starting with one of these are asked (a GitLab deploy token cannot call `/user`). */
  prefixes?: readonly string[];
  /** Statuses that mean the key works (default [200]); Stripe answers 403 to a live key without the permission. */
  live?: readonly number[];
  /** Statuses that mean the key is refused (default [401]). */
  refused?: readonly number[];
  /**
   * For an API that answers 200 to a refused key (Slack): the JSON boolean that says whether the
   * key worked, the string field that says why not, and the reasons that mean refused. Read from at
   * most a few KiB of the body, never echoed; any other reason is unknown.
   */
  answer?: { ok: string; error: string; refused: readonly string[] };
}

/**
 * How a live check sends the key: `Authorization: Bearer <key>`, `Authorization: token <key>`,
 * HTTP Basic with the key as the user name and no password, or a header of its own (`x-api-key`).
 */
export type LiveCheckAuth = 'bearer' | 'token' | 'basic' | { header: string };

/**
 * The little of `fetch` a live check uses, passed in by the caller so the engine imports no HTTP
 * adapter (Node's global `fetch` fits it).
 */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal?: AbortSignal; method?: string; redirect?: 'manual' },
) => Promise<{ status: number; body?: ReadableStream<Uint8Array> | { cancel(): Promise<void> } | null }>;

/** A key the provider's admin API lists (reserved, see `ProviderRecord.inventory`). */
export interface ProviderKey {
  /** The provider's id for the key (never the key). */
  id: string;
  name?: string;
  /** The redacted form the provider shows, e.g. `sk-proj-…abcd`. */
  redacted?: string;
  createdAt?: string;
  lastUsedAt?: string;
}

/** Reserved for the admin-inventory client (see `ProviderRecord.inventory`). */
export interface InventoryClient {
  /** Every key the organisation holds, asked with an admin key the caller supplies. */
  listKeys(adminKey: string, fetchImpl: FetchLike): Promise<ProviderKey[]>;
}

/**
 * Declares one provider's record, keeping its literal types so the registry can derive the
 * `ProviderId` union and a detector can read its provider's `remediation` as a plain string.
 */
export function defineProvider<const R extends ProviderRecord>(record: R): R {
  return record;
}
