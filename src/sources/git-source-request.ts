/** Which added lines to read from git. */
export type GitSourceRequest =
  | { mode: 'staged' }
  | { mode: 'range'; range: string }
  | { mode: 'history' }
  /** The commits reachable from `include` and from none of `exclude` (full SHAs), e.g. what a push added. */
  | { mode: 'commits'; include: string[]; exclude: string[] };
