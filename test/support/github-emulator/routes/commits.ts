import { runGit, resolveCommit } from '../git.js';
import { diffFiles, EMPTY_TREE, logCommits, type DiffFile, type GitCommit } from '../git-history.js';
import { HttpError, notFound } from '../http-error.js';
import { DEFAULT_CAPS, linkHeader, paginate, pageParams } from '../pagination.js';
import { nodeId } from '../render/accounts.js';
import type { Route, RouteContext, RouteResult } from '../router.js';

function gitDirOf(ctx: RouteContext): string {
  // GitHub's answer for a repository without commits.
  if (!ctx.repo.gitDir) throw new HttpError(409, 'Git Repository is empty.');
  return ctx.repo.gitDir;
}

async function commitSha(ctx: RouteContext, dir: string, ref: string): Promise<string> {
  const sha = await resolveCommit(dir, ref);
  if (!sha) throw new HttpError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

export function renderCommit(ctx: RouteContext, commit: GitCommit): Record<string, unknown> {
  const repoUrl = `${ctx.apiBase}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
  const htmlRepo = `${ctx.htmlBase}/${ctx.repo.owner}/${ctx.repo.name}`;
  return {
    url: `${repoUrl}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('M', Number.parseInt(commit.sha.slice(0, 8), 16)),
    html_url: `${htmlRepo}/commit/${commit.sha}`,
    comments_url: `${repoUrl}/commits/${commit.sha}/comments`,
    commit: {
      url: `${repoUrl}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${repoUrl}/commits/${sha}`,
      html_url: `${htmlRepo}/commit/${sha}`,
    })),
  };
}

function renderFile(ctx: RouteContext, head: string, file: DiffFile): Record<string, unknown> {
  const repoUrl = `${ctx.apiBase}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
  const path = encodeURIComponent(file.filename).replace(/%2F/g, '/');
  const out: Record<string, unknown> = {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${ctx.htmlBase}/${ctx.repo.owner}/${ctx.repo.name}/blob/${head}/${path}`,
    raw_url: `${ctx.htmlBase}/${ctx.repo.owner}/${ctx.repo.name}/raw/${head}/${path}`,
    contents_url: `${repoUrl}/contents/${path}?ref=${head}`,
  };
  if (file.patch !== null) out.patch = file.patch;
  if (file.previousFilename !== null) out.previous_filename = file.previousFilename;
  return out;
}

const wantsDiff = (ctx: RouteContext): boolean =>
  /application\/vnd\.github(\.v3)?\.diff/.test(String(ctx.headers.accept ?? ''));

/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`: commits from the merge base to head in
 * chronological order — the last 250 without paging parameters; with them, pages of commits and
 * the files (at most 300) on page 1 only.
 * https://docs.github.com/rest/commits/commits#compare-two-commits
 */
async function compare(ctx: RouteContext) {
  const dir = gitDirOf(ctx);
  const [baseRef, headRef] = (ctx.params.basehead ?? '').split('...');
  if (!baseRef || !headRef) throw notFound();
  const base = await resolveCommit(dir, baseRef);
  const head = await resolveCommit(dir, headRef);
  if (!base || !head) throw notFound();
  const mergeBase = (await runGit(dir, ['merge-base', base, head]).catch(() => '')).trim();
  if (!mergeBase) throw new HttpError(404, `No common ancestor between ${baseRef} and ${headRef}.`);
  if (wantsDiff(ctx))
    return {
      status: 200,
      text: await runGit(dir, ['diff', '-M', '--no-color', mergeBase, head]),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
  const commits = await logCommits(dir, ['--reverse', `${mergeBase}..${head}`]);
  const behindBy = Number((await runGit(dir, ['rev-list', '--count', `${head}..${base}`])).trim());
  const paged = ctx.query.has('per_page') || ctx.query.has('page');
  const { page } = pageParams(ctx, DEFAULT_CAPS);
  const shown = paged ? paginate(ctx, commits) : { items: commits.slice(-ctx.limits.compareMaxCommits), headers: {} };
  const files =
    !paged || page === 1
      ? (await diffFiles(dir, mergeBase, head, ctx.limits.maxPatchBytes)).slice(0, ctx.limits.compareMaxFiles)
      : [];
  const [baseCommit] = await logCommits(dir, ['-1', base]);
  const [mergeBaseCommit] = await logCommits(dir, ['-1', mergeBase]);
  const repoUrl = `${ctx.apiBase}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
  const htmlRepo = `${ctx.htmlBase}/${ctx.repo.owner}/${ctx.repo.name}`;
  const aheadBy = commits.length;
  const status =
    aheadBy === 0 && behindBy === 0 ? 'identical' : behindBy === 0 ? 'ahead' : aheadBy === 0 ? 'behind' : 'diverged';
  const body = {
    url: `${repoUrl}/compare/${ctx.params.basehead}`,
    html_url: `${htmlRepo}/compare/${ctx.params.basehead}`,
    permalink_url: `${htmlRepo}/compare/${ctx.repo.owner}:${base.slice(0, 7)}...${ctx.repo.owner}:${head.slice(0, 7)}`,
    diff_url: `${htmlRepo}/compare/${ctx.params.basehead}.diff`,
    patch_url: `${htmlRepo}/compare/${ctx.params.basehead}.patch`,
    base_commit: renderCommit(ctx, baseCommit as GitCommit),
    merge_base_commit: renderCommit(ctx, mergeBaseCommit as GitCommit),
    status,
    ahead_by: aheadBy,
    behind_by: behindBy,
    total_commits: aheadBy,
    commits: shown.items.map((commit) => renderCommit(ctx, commit)),
    files: files.map((file) => renderFile(ctx, head, file)),
  };
  return { status: 200, body, headers: shown.headers };
}

/** Files per page of a single commit, and the most GitHub will list at all. */
const COMMIT_FILES_PER_PAGE = 300;
const COMMIT_FILES_MAX = 3000;

async function getCommit(ctx: RouteContext): Promise<RouteResult> {
  const dir = gitDirOf(ctx);
  const sha = await commitSha(ctx, dir, ctx.params.ref ?? '');
  const [commit] = await logCommits(dir, ['-1', sha]);
  if (!commit) throw notFound();
  if (wantsDiff(ctx))
    return {
      status: 200,
      text: await runGit(dir, ['diff', '-M', '--no-color', commit.parents[0] ?? EMPTY_TREE, sha]),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
  const all = (await diffFiles(dir, commit.parents[0] ?? EMPTY_TREE, sha, ctx.limits.maxPatchBytes)).slice(
    0,
    COMMIT_FILES_MAX,
  );
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  const files = all.slice((page - 1) * COMMIT_FILES_PER_PAGE, page * COMMIT_FILES_PER_PAGE);
  const link = linkHeader(ctx, page, Math.max(1, Math.ceil(all.length / COMMIT_FILES_PER_PAGE)));
  const additions = all.reduce((sum, f) => sum + f.additions, 0);
  const deletions = all.reduce((sum, f) => sum + f.deletions, 0);
  const body = {
    ...renderCommit(ctx, commit),
    stats: { total: additions + deletions, additions, deletions },
    files: files.map((f) => renderFile(ctx, sha, f)),
  };
  return { status: 200, body, headers: link ? { link } : {} };
}

async function listCommits(ctx: RouteContext) {
  const dir = gitDirOf(ctx);
  const sha = await commitSha(ctx, dir, ctx.query.get('sha') ?? ctx.repo.defaultBranch);
  const path = ctx.query.get('path');
  const commits = await logCommits(dir, [sha, ...(path ? ['--', path] : [])]);
  const page = paginate(ctx, commits);
  return { status: 200, body: page.items.map((commit) => renderCommit(ctx, commit)), headers: page.headers };
}

export const commitRoutes: Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/commits', auth: 'token', scope: 'repo', handle: listCommits },
  { method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}', auth: 'token', scope: 'repo', handle: getCommit },
  { method: 'GET', path: '/repos/{owner}/{repo}/compare/{basehead}', auth: 'token', scope: 'repo', handle: compare },
];
