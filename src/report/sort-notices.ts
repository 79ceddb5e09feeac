import type { Notice } from '../types.js';

/** Notices by path (stable for equal paths), so reports don't change with the sources' order. */
export function sortNotices(notices: readonly Notice[]): Notice[] {
  return [...notices].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
