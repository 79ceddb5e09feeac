import type { Fragment } from '../types.js';
import { patchToFragments } from './patch-to-fragments.js';
import type { FragmentSource } from './source.js';

/** A file of a compare or commit as GitHub's REST API lists it. */
export interface ChangedFile {
  filename: string;
  status: string;
  additions: number;
  patch?: string;
}

/**
 * The two reads a compare source makes, injected so the engine makes no HTTP call of its own (the
 * App passes its Octokit client's; each call is one request).
 */
export interface CompareApi {
  /** `GET /repos/{owner}/{repo}/compare/{base}...{head}` without paging parameters. */
  compare(base: string, head: string): Promise<{ files: ChangedFile[]; commits: string[]; totalCommits: number }>;
  /** One page (from 1) of `GET /repos/{owner}/{repo}/commits/{sha}`'s changed files. */
  commitFiles(sha: string, page: number): Promise<ChangedFile[]>;
}

/** What a compare source could not read, known once its fragments have been read. */
export interface CompareCoverage {
  /** Files with added lines that came without a patch even commit by commit (binary or too large): not scanned. */
  unscanned: string[];
  /** The oldest commits, not read: beyond the 250 a compare lists, or past the request budget. */
  commitsLeftOut: number;
  /** Commits read only in part (their shas): more changed files than the requests left could list. */
  commitsCut: string[];
}

export interface CompareSource extends FragmentSource {
  coverage(): CompareCoverage;
}

/** A compare lists at most 300 files (https://docs.github.com/rest/commits/commits#compare-two-commits). */
const COMPARE_MAX_FILES = 300;
/** A commit's files come 300 a page, 3000 at most (https://docs.github.com/rest/commits/commits#get-a-commit). */
const COMMIT_FILES_PER_PAGE = 300;
const COMMIT_MAX_PAGES = 10;

/** How long reading may hold the event loop (the scan runs between two fragments) before others get a turn. */
const SLICE_MS = 20;

/**
 * The lines `base...head` added, through the compare API. When the compare cannot hold them all —
 * 300 files, or a file with additions but no patch — they are read commit by commit, newest first,
 * in at most `maxRequests` requests (the compare included); each fragment then names its commit,
 * and what was left out is in {@link CompareSource.coverage}. Between fragments it gives the event
 * loop back every {@link SLICE_MS}: the process that scans may serve others, and one large push must
 * not hold them.
 */
export function compareSource(api: CompareApi, base: string, head: string, maxRequests: number): CompareSource {
  const coverage: CompareCoverage = { unscanned: [], commitsLeftOut: 0, commitsCut: [] };
  async function* read(): AsyncGenerator<Fragment> {
    const compared = await api.compare(base, head);
    const truncated = compared.files.length >= COMPARE_MAX_FILES || compared.files.some(lacksPatch);
    if (!truncated) {
      for (const file of compared.files) yield* fileFragments(file);
      return;
    }
    coverage.commitsLeftOut = Math.max(0, compared.totalCommits - compared.commits.length);
    yield* readCommitByCommit(api, compared.commits, maxRequests - 1, coverage);
  }
  return { fragments: () => yielding(read()), coverage: () => coverage };
}

const lacksPatch = (file: ChangedFile): boolean =>
  file.additions > 0 && file.patch === undefined && file.status !== 'removed';

const fileFragments = (file: ChangedFile): Fragment[] =>
  file.patch === undefined ? [] : patchToFragments(file.filename, file.patch);

/** The commits `shas` (oldest first), newest first, in at most `requests` requests. */
async function* readCommitByCommit(
  api: CompareApi,
  shas: readonly string[],
  requests: number,
  coverage: CompareCoverage,
): AsyncGenerator<Fragment> {
  const unscanned = new Set<string>();
  let left = requests;
  let read = 0;
  for (const sha of [...shas].reverse()) {
    if (left <= 0) break;
    const commit = await commitFiles(api, sha, left);
    left -= commit.requests;
    read += 1;
    if (!commit.complete) coverage.commitsCut.push(sha);
    for (const file of commit.files) {
      if (lacksPatch(file)) unscanned.add(file.filename);
      for (const fragment of fileFragments(file)) yield { ...fragment, commit: sha };
    }
  }
  coverage.unscanned = [...unscanned].sort();
  coverage.commitsLeftOut += shas.length - read;
}

/** A commit's changed files, a page a request, in at most `requests` requests; `complete` when none were left unlisted. */
async function commitFiles(
  api: CompareApi,
  sha: string,
  requests: number,
): Promise<{ files: ChangedFile[]; requests: number; complete: boolean }> {
  const files: ChangedFile[] = [];
  const pages = Math.min(requests, COMMIT_MAX_PAGES);
  for (let page = 1; page <= pages; page += 1) {
    const listed = await api.commitFiles(sha, page);
    files.push(...listed);
    if (listed.length < COMMIT_FILES_PER_PAGE) return { files, requests: page, complete: true };
  }
  return { files, requests: pages, complete: false };
}

/** The fragments, with a turn of the event loop whenever {@link SLICE_MS} has passed since the last. */
async function* yielding(fragments: AsyncIterable<Fragment>): AsyncGenerator<Fragment> {
  let sliceStart = performance.now();
  for await (const fragment of fragments) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    yield fragment;
  }
}
