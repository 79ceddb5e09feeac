import { defaultGitRunner, type GitRunner } from './git-runner.js';
import { GitError } from './git-error.js';
import { listGitTree } from './list-git-tree.js';
import type { TreeListing } from './tree-listing.js';
import { walkTree } from './walk-tree.js';

/**
 * Lists the files of a working tree to scan. In a git work tree git lists them (tracked files and
 * untracked ones .gitignore lets through; submodules are notices); elsewhere — and for a folder
 * the enclosing repository ignores, such as node_modules, since asking for it means scanning it —
 * a file-system walk honours the .gitignore files it meets. The listing only lists: reading is
 * `readFragmentSync`, so callers can fan reads out to worker threads.
 */
export async function listTreeFiles(root: string, git: GitRunner = defaultGitRunner): Promise<TreeListing> {
  return (await gitView(root, git)) === 'tracked' ? listGitTree(root, git) : walkTree(root);
}

/** One rev-parse says whether we are in a work tree and where; a check-ignore only for subfolders. */
async function gitView(root: string, git: GitRunner): Promise<'tracked' | 'ignored' | 'none'> {
  const probe = await git.run(root, ['rev-parse', '--is-inside-work-tree', '--show-prefix']).catch((error: unknown) => {
    if (error instanceof GitError && error.kind === 'git-missing') return undefined;
    throw error;
  });
  const [inside, prefix] = probe?.code === 0 ? probe.stdout.toString('utf8').split('\n') : [];
  if (inside !== 'true') return 'none';
  if (!prefix) return 'tracked';
  const ignored = await git.run(root, ['check-ignore', '-q', '--', '.']);
  return ignored.code === 0 ? 'ignored' : 'tracked';
}
