import { GitError } from './git-error.js';

/** A commit range as `git log` takes it. */
export interface CommitRange {
  /** The range as given, passed to git unchanged. */
  text: string;
  /** Both ends, "HEAD" where one was left out ("A.." means "A..HEAD"). */
  revisions: [string, string];
  /** "A...B": the commits on either side but not on both. */
  symmetric: boolean;
}

/**
 * Checks a range before it reaches git. A value starting with "-" would be read by git as an
 * option (`--output=…` writes files), so it is refused here, and git also gets `--end-of-options`.
 */
export function parseRange(text: string): CommitRange {
  const symmetric = text.includes('...');
  const parts = text.split(symmetric ? '...' : '..');
  if (text.startsWith('-') || parts.some((p) => p.startsWith('-'))) {
    throw new GitError('bad-argument', `range '${text}' must not start with '-' (expected A..B or A...B)`);
  }
  // eslint-disable-next-line no-control-regex
  if (parts.length !== 2 || /[\s\x00-\x1f\x7f]/.test(text)) {
    throw new GitError('bad-argument', `range '${text}' must look like A..B or A...B`);
  }
  const [from, to] = parts as [string, string];
  return { text, revisions: [from || 'HEAD', to || 'HEAD'], symmetric };
}
