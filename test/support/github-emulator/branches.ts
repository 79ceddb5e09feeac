import { createHash } from 'node:crypto';
import type { Store } from './store.js';
import type { RepoRecord } from './types.js';

/**
 * Branches of repositories without a git directory: the default branch is `RepoRecord.files`, the
 * others are `Store.branches`. A branch's head commit id is a digest of its files, so a branch cut
 * from `main` has `main`'s head until something is committed to it, as in git.
 */

export interface Branch {
  name: string;
  files: Map<string, string>;
}

/** A 40-hex commit id for a set of files. */
export function headShaOf(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1').update('emulated-commit\0');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\0${files.get(path)}\0`);
  return hash.digest('hex');
}

/** The branch called `name` (the default one included), or undefined. */
export function findBranch(store: Store, repo: RepoRecord, name: string): Branch | undefined {
  if (name === repo.defaultBranch) return { name, files: repo.files };
  return store.branches.find((b) => b.repoId === repo.id && b.name === name);
}

/** Every branch of the repository, the default one first. */
export function branchesOf(store: Store, repo: RepoRecord): Branch[] {
  return [{ name: repo.defaultBranch, files: repo.files }, ...store.branches.filter((b) => b.repoId === repo.id)];
}

/** The files at a branch name or at a branch's head commit id, as `?ref=` names them. */
export function filesAtRef(store: Store, repo: RepoRecord, ref: string): Map<string, string> | undefined {
  const name = ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
  const byName = findBranch(store, repo, name);
  if (byName) return byName.files;
  if (!/^[0-9a-f]{40}$/.test(ref)) return undefined;
  return branchesOf(store, repo).find((b) => headShaOf(b.files) === ref)?.files;
}

/** A repository with no commit yet: GitHub answers 409 "Git Repository is empty." for its refs. */
export const isEmptyRepo = (repo: RepoRecord): boolean => repo.gitDir === null && repo.files.size === 0;
