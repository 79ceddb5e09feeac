import type { Notice } from '../types.js';

/** The files of a working tree to read, and what was left out on purpose. */
export interface TreeListing {
  /** Paths relative to the root, forward slashes, sorted. */
  paths: string[];
  /** Submodules, symlinks out of the tree, folders that could not be read. */
  notices: Notice[];
  /** Whether git listed them (then .gitignore, the index and submodules are git's own view). */
  git: boolean;
}

export function submoduleNotice(path: string): Notice {
  return { path, reason: 'submodule', message: 'submodule or nested repository, not scanned (scan it on its own)' };
}
