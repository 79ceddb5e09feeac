/** What a fragment from history knows about its commit. */
export interface CommitInfo {
  commit: string;
  author: string;
  email: string;
  date: string;
}

/**
 * The `--format` given to `git log`: a line no diff line can start with (diff lines start with
 * "+", "-", " ", "\", "@@" or a header word), fields split by the ASCII unit separator, which
 * names and e-mails do not hold. `%aI` is the author date in strict ISO 8601.
 */
export const COMMIT_MARKER_FORMAT = '%x1ekh-commit%x1f%H%x1f%an%x1f%ae%x1f%aI';
const PREFIX = '\x1ekh-commit\x1f';

/** Reads a commit marker line; undefined for any other line. */
export function parseCommitMarker(line: string): CommitInfo | undefined {
  if (!line.startsWith(PREFIX)) return undefined;
  const [commit = '', author = '', email = '', date = ''] = line.slice(PREFIX.length).split('\x1f');
  return { commit, author, email, date };
}

/** Renders a marker line as git prints it, for tests of the parser. */
export function formatCommitMarker(info: CommitInfo): string {
  return `${PREFIX}${info.commit}\x1f${info.author}\x1f${info.email}\x1f${info.date}`;
}
