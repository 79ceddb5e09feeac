import { patchToFragments } from '../../src/sources/patch-to-fragments.js';
import type { Fragment } from '../../src/types.js';
import type { AppOctokit } from '../octokit/octokit.js';

/** A file of a compare or commit as the REST API lists it. */
interface ChangedFile {
  filename: string;
  status: string;
  additions: number;
  patch?: string;
}

export interface AddedLines {
  fragments: Fragment[];
  /** Files with added lines that came without a patch even commit by commit (binary or too large): not scanned. */
  unscanned: string[];
  /** The oldest commits of the push, not read: beyond the 250 a compare lists, or past {@link MAX_PUSH_REQUESTS}. */
  commitsLeftOut: number;
  /** Commits read only in part (their shas): more changed files than the requests left could list. */
  commitsCut: string[];
}

/** A compare lists at most 300 files (https://docs.github.com/rest/commits/commits#compare-two-commits). */
const COMPARE_MAX_FILES = 300;
/** A commit's files come 300 a page, 3000 at most (https://docs.github.com/rest/commits/commits#get-a-commit). */
const COMMIT_FILES_PER_PAGE = 300;
const COMMIT_MAX_PAGES = 10;

/**
 * Requests one push may spend on reading its lines, the compare included. The push webhook has 10
 * seconds to be answered, and a push of thousands of commits is a history import, not a leak check:
 * `key-hygiene scan --history` is the tool for that.
 * https://docs.github.com/webhooks/using-webhooks/best-practices-for-using-webhooks#respond-within-10-seconds
 */
export const MAX_PUSH_REQUESTS = 50;

/**
 * The lines a push added from `base...head`, through the compare API. When the compare cannot hold
 * them all — 300 files, or a file with additions but no patch — they are read commit by commit
 * (`GET /commits/{sha}`), newest first, until {@link MAX_PUSH_REQUESTS}; each fragment then names its
 * commit, and what was left out is counted for the check run's summary.
 */
export async function fetchAddedLines(octokit: AppOctokit, owner: string, repo: string, base: string, head: string): Promise<AddedLines> {
  // No paging parameters: then the answer holds every file (up to 300) and the newest 250 commits,
  // oldest first. With `per_page` or `page` it would list files on page 1 only and commits from the
  // oldest, a page at a time — thousands of requests to reach the newest of a history import.
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}` });
  const files = (data.files ?? []) as ChangedFile[];
  const truncated = files.length >= COMPARE_MAX_FILES || files.some(lacksPatch);
  if (!truncated) return { fragments: files.flatMap(fileFragments), unscanned: [], commitsLeftOut: 0, commitsCut: [] };
  const listed = data.commits.map((c) => c.sha);
  const added = await readCommitByCommit(octokit, owner, repo, listed, MAX_PUSH_REQUESTS - 1);
  return { ...added, commitsLeftOut: added.commitsLeftOut + Math.max(0, data.total_commits - listed.length) };
}

const lacksPatch = (file: ChangedFile): boolean => file.additions > 0 && file.patch === undefined && file.status !== 'removed';

const fileFragments = (file: ChangedFile): Fragment[] => (file.patch === undefined ? [] : patchToFragments(file.filename, file.patch));

/** The commits `shas` (oldest first), newest first, in at most `requests` requests. */
async function readCommitByCommit(octokit: AppOctokit, owner: string, repo: string, shas: readonly string[], requests: number): Promise<AddedLines> {
  const fragments: Fragment[] = [];
  const unscanned = new Set<string>();
  const commitsCut: string[] = [];
  let left = requests;
  let read = 0;
  for (const sha of [...shas].reverse()) {
    if (left <= 0) break;
    const commit = await commitFiles(octokit, owner, repo, sha, left);
    left -= commit.requests;
    read += 1;
    if (!commit.complete) commitsCut.push(sha);
    for (const file of commit.files) {
      if (lacksPatch(file)) unscanned.add(file.filename);
      fragments.push(...fileFragments(file).map((f) => ({ ...f, commit: sha })));
    }
  }
  return { fragments, unscanned: [...unscanned].sort(), commitsLeftOut: shas.length - read, commitsCut };
}

/** A commit's changed files, a page a request, in at most `requests` requests; `complete` when none were left unlisted. */
async function commitFiles(octokit: AppOctokit, owner: string, repo: string, sha: string, requests: number): Promise<{ files: ChangedFile[]; requests: number; complete: boolean }> {
  const files: ChangedFile[] = [];
  const pages = Math.min(requests, COMMIT_MAX_PAGES);
  for (let page = 1; page <= pages; page += 1) {
    const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha, page });
    const listed = (data.files ?? []) as ChangedFile[];
    files.push(...listed);
    if (listed.length < COMMIT_FILES_PER_PAGE) return { files, requests: page, complete: true };
  }
  return { files, requests: pages, complete: false };
}
