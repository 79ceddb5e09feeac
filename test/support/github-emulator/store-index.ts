import type { RepoRecord } from './types.js';

const NONE: readonly never[] = [];

/**
 * Records of one of the store's arrays grouped by a key, so a request reads its repository's few
 * records instead of scanning 50,000 (the sweep bench's world). The store's arrays only grow by
 * `push` (routes, seeders, tests) or are replaced whole (the secret seeder): new records are indexed
 * when next asked, a replaced or shorter array is indexed again. The key must be made of fields that
 * never change after the record is stored (ids, scope, owner, names).
 */
export class GrowingIndex<T> {
  #source: readonly T[] | null = null;
  #seen = 0;
  #groups = new Map<string, T[]>();

  constructor(private readonly keyOf: (record: T) => string) {}

  /** The records under `key`, in the array's order. Read-only: copy before sorting. */
  get(source: readonly T[], key: string): readonly T[] {
    if (source !== this.#source || source.length < this.#seen) {
      this.#source = source;
      this.#seen = 0;
      this.#groups = new Map();
    }
    for (; this.#seen < source.length; this.#seen += 1) {
      const record = source[this.#seen] as T;
      const group = this.#groups.get(this.keyOf(record));
      if (group) group.push(record);
      else this.#groups.set(this.keyOf(record), [record]);
    }
    return this.#groups.get(key) ?? NONE;
  }
}

/**
 * The store's repositories by id, also findable by `owner/name` and by owner (any case, as GitHub
 * matches them) in O(1). A `Map` to everyone who reads or fills it; build it empty (Map's constructor
 * would call `set` before the indexes exist).
 */
export class RepoMap extends Map<number, RepoRecord> {
  readonly #byName = new Map<string, RepoRecord>();
  readonly #byOwner = new Map<string, RepoRecord[]>();

  override set(id: number, repo: RepoRecord): this {
    const previous = this.get(id);
    super.set(id, repo);
    if (previous) this.#byName.delete(`${previous.owner}/${previous.name}`.toLowerCase());
    this.#byName.set(`${repo.owner}/${repo.name}`.toLowerCase(), repo);
    const owner = repo.owner.toLowerCase();
    const list = this.#byOwner.get(owner) ?? [];
    this.#byOwner.set(owner, list);
    // A record replaced under the same owner keeps its place, as it keeps it in the map.
    const at = previous && previous.owner.toLowerCase() === owner ? list.indexOf(previous) : -1;
    if (at >= 0) list[at] = repo;
    else {
      if (previous) this.#unindexOwner(previous);
      list.push(repo);
    }
    return this;
  }

  override delete(id: number): boolean {
    const previous = this.get(id);
    if (previous) {
      this.#byName.delete(`${previous.owner}/${previous.name}`.toLowerCase());
      this.#unindexOwner(previous);
    }
    return super.delete(id);
  }

  override clear(): void {
    this.#byName.clear();
    this.#byOwner.clear();
    super.clear();
  }

  byName(owner: string, name: string): RepoRecord | undefined {
    return this.#byName.get(`${owner}/${name}`.toLowerCase());
  }

  /** In creation order. Read-only. */
  byOwner(owner: string): readonly RepoRecord[] {
    return this.#byOwner.get(owner.toLowerCase()) ?? NONE;
  }

  #unindexOwner(repo: RepoRecord): void {
    const list = this.#byOwner.get(repo.owner.toLowerCase()) ?? [];
    const at = list.indexOf(repo);
    if (at >= 0) list.splice(at, 1);
  }
}
