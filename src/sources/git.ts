import { StringDecoder } from 'node:string_decoder';
import type { Fragment } from '../types.js';
import { COMMIT_MARKER_FORMAT } from './commit-marker.js';
import { defaultGitRunner, type GitResult, type GitRunner } from './git-runner.js';
import { createDiffParser, type DiffParser } from './parse-diff.js';
import { createHunkSkipper } from './skip-keyless-hunks.js';
import type { FragmentFilter } from './source.js';
import { parseRange } from './parse-range.js';
import { GitError } from './git-error.js';
import { isShallow } from './shallow-boundary.js';
import type { GitSourceRequest } from './git-source-request.js';

/** The fragments of a git source, read while git runs. Iterate `fragments` (or `filtered`) once. */
export interface GitFragments {
  fragments: AsyncIterable<Fragment>;
  /** The same fragments, less those of hunks `filter` clears (from a log: staged changes are read whole). */
  filtered(filter: FragmentFilter): AsyncIterable<Fragment>;
  /** Commits read so far: all of them once the iteration has ended (0 for staged). */
  commits(): number;
}

/**
 * Flags that make git's output the same whatever the user's config says: no color, no external
 * diff or textconv driver (the bytes in git, not a rendering), zero context, renames detected so
 * a pure rename adds nothing, fixed a/ b/ prefixes (diff.noprefix, diff.mnemonicPrefix), no hunk
 * merging (diff.interHunkContext), no signature lines (log.showSignature).
 */
const DIFF_FLAGS = [
  '-U0',
  '--inter-hunk-context=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '-M',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];
/** The added-line count of a hunk header, `@@ -1,2 +3,4 @@` (1 when git leaves it out). */
const ADDED_COUNT = /^@@ -\d+(?:,\d+)? \+\d+(?:,(\d+))? @@/;
const CONFIG = ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '-c', 'log.showRoot=true'];

/**
 * Streams the added lines of the staged changes, of the commits in a range, or of every commit on
 * every ref (`--all`), parsed while git runs so memory stays flat on any history. Errors are
 * GitError with a one-line message (not a repository, unknown revision, git missing, git failed).
 */
export function streamGitFragments(
  root: string,
  request: GitSourceRequest,
  git: GitRunner = defaultGitRunner,
): GitFragments {
  const parser = createDiffParser();
  async function* fragments(filter?: FragmentFilter): AsyncGenerator<Fragment> {
    // --history asks nothing of the repository first but that it is one: git log starts at once,
    // while rev-parse checks, rather than after it.
    const early = request.mode === 'history' ? git.stream(root, [...CONFIG, ...historyArgs()]) : undefined;
    const args = await argsFor(root, request, git).catch((error: unknown) => {
      early?.stop();
      throw error;
    });
    const proc = early ?? git.stream(root, [...CONFIG, ...args]);
    const decoder = new StringDecoder('utf8');
    let out: Fragment[] = [];
    const read = (bytes: Buffer) => {
      for (const f of parser.write(decoder.write(bytes))) out.push(f);
    };
    const input =
      filter && request.mode !== 'staged'
        ? createHunkSkipper(filter.mayHoldKey, read, (hunk, from) => countSkipped(parser, filter, hunk, from))
        : { write: read, end: () => undefined };
    const take = () => {
      const done = out;
      out = [];
      return done;
    };
    try {
      for await (const chunk of proc.stdout) {
        input.write(chunk as Buffer);
        yield* take();
      }
      input.end();
      yield* take();
      yield* parser.write(decoder.end());
      yield* parser.end();
      await proc.done.catch((failure: unknown) => {
        throw failure instanceof GitError ? withMode(failure, request) : gitFailed(root, request, failure as GitResult);
      });
    } finally {
      proc.stop();
    }
  }
  return {
    fragments: { [Symbol.asyncIterator]: fragments },
    filtered: (filter) => ({ [Symbol.asyncIterator]: () => fragments(filter) }),
    commits: () => parser.commits,
  };
}

/**
 * Counts a hunk left out as scanned, as its fragments would have been: under its file, its added
 * lines' bytes as git printed them, less each line's "+" and newline (one newline joins two lines).
 */
function countSkipped(parser: DiffParser, filter: FragmentFilter, hunk: Buffer, addedFrom: number): void {
  const file = parser.reading();
  if (!file || addedFrom < 0) return;
  const counts = ADDED_COUNT.exec(hunk.toString('latin1', 0, Math.min(hunk.indexOf(10) >>> 0, 200)));
  const lines = counts?.[1] === undefined ? 1 : Number(counts[1]);
  let bytes = hunk.length - addedFrom;
  const last = hunk.lastIndexOf(10, hunk.length - 2) + 1;
  // 92: "\\", git's "\\ No newline at end of file" after the last line: not text of the file.
  if (last > addedFrom && hunk[last] === 92) bytes -= hunk.length - last;
  filter.skipped(file, Math.max(0, bytes - lines - 1));
}

function historyArgs(): string[] {
  return ['log', '-p', `--format=${COMMIT_MARKER_FORMAT}`, ...DIFF_FLAGS, '--all'];
}

async function argsFor(root: string, request: GitSourceRequest, git: GitRunner): Promise<string[]> {
  const log = ['log', '-p', `--format=${COMMIT_MARKER_FORMAT}`, ...DIFF_FLAGS];
  switch (request.mode) {
    case 'staged':
      await requireRepository(root, request, git, ['rev-parse', '--is-inside-work-tree']);
      return ['diff', '--cached', '--diff-filter=ACMR', ...DIFF_FLAGS];
    case 'range': {
      const range = parseRange(request.range);
      await requireRepository(root, request, git, ['rev-parse', '--git-dir']);
      for (const rev of range.revisions) await requireRevision(root, rev, request.range, git);
      return [...log, '--end-of-options', request.range, '--'];
    }
    case 'history':
      await requireRepository(root, request, git, ['rev-parse', '--git-dir']);
      return historyArgs();
    case 'commits': {
      await requireRepository(root, request, git, ['rev-parse', '--git-dir']);
      const shas = [...request.include, ...request.exclude];
      const bad = shas.find((sha) => !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha));
      if (bad !== undefined || request.include.length === 0) {
        throw new GitError('bad-argument', `expected full commit SHAs to scan, got '${bad ?? '(none)'}'`);
      }
      return [...log, ...request.include, '--not', ...request.exclude, '--'];
    }
  }
}

async function requireRepository(
  root: string,
  request: GitSourceRequest,
  git: GitRunner,
  probe: string[],
): Promise<void> {
  const result = await git.run(root, probe).catch((error: unknown) => {
    throw error instanceof GitError ? withMode(error, request) : error;
  });
  if (result.code !== 0 || result.stdout.toString().trim() === 'false') {
    throw new GitError('not-a-repository', `${root} is not a git repository (needed for --${request.mode})`);
  }
}

async function requireRevision(root: string, rev: string, range: string, git: GitRunner): Promise<void> {
  const result = await git.run(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (result.code === 0) return;
  // In a shallow clone the commit may well exist, just not here (CI checkouts are depth 1).
  const hint = (await isShallow(root, git))
    ? ' (this clone is shallow: fetch the history with `git fetch --unshallow`)'
    : '';
  throw new GitError('bad-revision', `unknown revision '${rev}' in range '${range}'${hint}`);
}

function withMode(error: GitError, request: GitSourceRequest): GitError {
  return error.kind === 'git-missing'
    ? new GitError(error.kind, `${error.message} (needed for --${request.mode})`)
    : error;
}

function gitFailed(root: string, request: GitSourceRequest, result: GitResult): GitError {
  const why = result.error || `exit code ${result.code}`;
  return new GitError('git-failed', `git failed reading --${request.mode} in ${root}: ${why}`);
}
