import type { Fragment } from '../types.js';
import { parseDiff } from './parse-diff.js';

/**
 * The added lines of one file's `patch` as the REST API gives it (`files[].patch` of a compare or a
 * commit: hunks only, no `diff --git` or `+++` header), as fragments of `path`. Pure: it gives the
 * hunks the header {@link parseDiff} expects and names the file afterwards, so a path with spaces,
 * quotes or non-ASCII characters needs no git quoting.
 * https://docs.github.com/rest/commits/commits#compare-two-commits
 */
export function patchToFragments(path: string, patch: string): Fragment[] {
  return parseDiff(`diff --git a/f b/f\n+++ b/f\n${patch}\n`).map((fragment) => ({ ...fragment, path }));
}
