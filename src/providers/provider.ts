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
 * A GET the provider answers according to the key in `Authorization: Bearer`: 200 valid,
 * 401 invalid or revoked, 429 out of quota or rate-limited, anything else unknown.
 */
export interface LiveCheckEndpoint {
  /** The public API's origin, used when `verify` is given no `provider-url`. */
  defaultUrl: string;
  /** The path asked, e.g. `/v1/models`. */
  path: string;
}

/**
 * The little of `fetch` a live check uses, passed in by the caller so the engine imports no HTTP
 * adapter (Node's global `fetch` fits it).
 */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal?: AbortSignal },
) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

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
