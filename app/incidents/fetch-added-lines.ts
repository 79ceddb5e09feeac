import { patchToFragments } from '../../src/sources/patch-to-fragments.js';
import type { Fragment } from '../../src/types.js';
import type { AppOctokit } from '../github/octokit.js';

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
  /** Commits of the push beyond {@link MAX_COMMITS}: not scanned. */
  commitsLeftOut: number;
}

/** A compare lists at most 300 files (https://docs.github.com/rest/commits/commits#compare-two-commits). */
const COMPARE_MAX_FILES = 300;
/** Commits read one by one when a compare is truncated: a push of thousands is a history import, not a leak check. */
export const MAX_COMMITS = 250;
const PER_PAGE = 100;

/**
 * The lines a push added from `base...head`, through the compare API. When the compare cannot hold
 * them all — 300 files, or a file with additions but no patch — they are read commit by commit
 * (`GET /commits/{sha}`, whose files page up to 3000), each fragment then naming its commit.
 */
export async function fetchAddedLines(octokit: AppOctokit, owner: string, repo: string, base: string, head: string): Promise<AddedLines> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: PER_PAGE });
  const files = (data.files ?? []) as ChangedFile[];
  const truncated = files.length >= COMPARE_MAX_FILES || files.some(lacksPatch);
  if (!truncated) return { fragments: files.flatMap(fileFragments), unscanned: [], commitsLeftOut: 0 };
  const shas = await listPushCommits(octokit, owner, repo, base, head, data.total_commits);
  return readCommitByCommit(octokit, owner, repo, shas);
}

const lacksPatch = (file: ChangedFile): boolean => file.additions > 0 && file.patch === undefined && file.status !== 'removed';

const fileFragments = (file: ChangedFile): Fragment[] => (file.patch === undefined ? [] : patchToFragments(file.filename, file.patch));

/** The push's commits, oldest first: pages of the compare (files come on page 1 only). */
async function listPushCommits(octokit: AppOctokit, owner: string, repo: string, base: string, head: string, total: number): Promise<string[]> {
  const shas: string[] = [];
  for (let page = 1; shas.length < total; page += 1) {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: PER_PAGE, page });
    if (data.commits.length === 0) break;
    shas.push(...data.commits.map((c) => c.sha));
  }
  return shas;
}

async function readCommitByCommit(octokit: AppOctokit, owner: string, repo: string, shas: string[]): Promise<AddedLines> {
  const read = shas.slice(-MAX_COMMITS);
  const fragments: Fragment[] = [];
  const unscanned = new Set<string>();
  for (const sha of read) {
    for (const file of await commitFiles(octokit, owner, repo, sha)) {
      if (lacksPatch(file)) unscanned.add(file.filename);
      fragments.push(...fileFragments(file).map((f) => ({ ...f, commit: sha })));
    }
  }
  return { fragments, unscanned: [...unscanned].sort(), commitsLeftOut: shas.length - read.length };
}

/** A commit's files lists 300 a page, 3000 at most (https://docs.github.com/rest/commits/commits#get-a-commit). */
async function commitFiles(octokit: AppOctokit, owner: string, repo: string, sha: string): Promise<ChangedFile[]> {
  const files: ChangedFile[] = [];
  for (let page = 1; page <= 10; page += 1) {
    const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha, page });
    const listed = (data.files ?? []) as ChangedFile[];
    files.push(...listed);
    if (listed.length < COMPARE_MAX_FILES) break;
  }
  return files;
}
