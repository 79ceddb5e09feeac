import { lstat, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../types.js';
import type { GitRunner } from './git-runner.js';
import { runLsFiles, splitNul } from './git-work-tree.js';
import { mapLimit } from './map-limit.js';
import { symlinkNotice } from './symlink-inside.js';
import { submoduleNotice, type TreeListing } from './tree-listing.js';

const GITLINK = '160000';
const SYMLINK = '120000';
const LSTAT_CONCURRENCY = 64;

/**
 * Lists a git work tree as git sees it, in three `git ls-files` calls run together (never one per
 * file): the index with modes (tracked files, symlinks, submodules), the tracked files deleted
 * from disk (dropped), and the untracked files .gitignore does not exclude.
 */
export async function listGitTree(root: string, git: GitRunner): Promise<TreeListing> {
  const [staged, deleted, others, rootReal] = await Promise.all([
    runLsFiles(root, ['--stage'], git),
    runLsFiles(root, ['--deleted'], git),
    runLsFiles(root, ['--others', '--exclude-standard'], git),
    realpath(root),
  ]);
  const gone = new Set(splitNul(deleted));
  const paths = new Set<string>();
  const notices: Notice[] = [];
  const links: string[] = [];
  for (const entry of splitNul(staged)) {
    // "<mode> <object> <stage>\t<path>"; a conflicted file has one entry per stage.
    const tab = entry.indexOf('\t');
    const mode = entry.slice(0, 6);
    const path = entry.slice(tab + 1);
    if (mode === GITLINK) notices.push(submoduleNotice(path));
    else if (gone.has(path)) continue;
    else if (mode === SYMLINK) links.push(path);
    else paths.add(path);
  }
  const untracked = await classifyUntracked(root, splitNul(others), notices);
  for (const path of untracked.files) paths.add(path);
  links.push(...untracked.links);
  for (const notice of await mapLimit(links, LSTAT_CONCURRENCY, (p) => symlinkNotice(rootReal, root, p))) {
    if (notice) notices.push(notice);
  }
  return { paths: [...paths].sort(), notices: dedupe(notices), git: true };
}

/**
 * git lists an untracked nested repository as "dir/" and an untracked symlink like a file, so
 * untracked entries (usually few) are checked on disk.
 */
async function classifyUntracked(root: string, entries: string[], notices: Notice[]) {
  const files: string[] = [];
  const links: string[] = [];
  const kinds = await mapLimit(entries, LSTAT_CONCURRENCY, async (path) => {
    if (path.endsWith('/')) return 'repo';
    const stats = await lstat(join(root, path)).catch(() => undefined);
    if (!stats) return 'gone';
    return stats.isSymbolicLink() ? 'link' : stats.isFile() ? 'file' : 'other';
  });
  entries.forEach((path, i) => {
    if (kinds[i] === 'repo') notices.push(submoduleNotice(path.slice(0, -1)));
    else if (kinds[i] === 'link') links.push(path);
    else if (kinds[i] === 'file') files.push(path);
  });
  return { files, links };
}

function dedupe(notices: Notice[]): Notice[] {
  const seen = new Set<string>();
  return notices.filter((n) => !seen.has(`${n.reason}\0${n.path}`) && seen.add(`${n.reason}\0${n.path}`));
}
