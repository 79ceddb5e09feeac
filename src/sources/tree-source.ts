import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import type { FileSource } from './source.js';
import { gitignoreCoversEnv, trackedEnvFiles } from './env-files.js';
import { listTreeFiles } from './tree.js';

/**
 * The files of a working tree (see {@link listTreeFiles}), or a single file named as the path to
 * scan: its folder is the root, and it is the only file. In a git work tree it also names the
 * `.env` files git tracks, and says when .gitignore does not cover `.env`.
 */
export function treeSource(path: string, git: GitRunner = defaultGitRunner): FileSource {
  let listed: { root: string; git: boolean } | undefined;
  return {
    async files() {
      if ((await stat(path)).isFile()) {
        listed = { root: dirname(path), git: false };
        return { root: listed.root, paths: [basename(path)], notices: [] };
      }
      const listing = await listTreeFiles(path, git);
      listed = { root: path, git: listing.git };
      return { root: path, paths: listing.paths, notices: listing.notices };
    },
    async facts() {
      if (!listed?.git) return {};
      const envFiles = await trackedEnvFiles(listed.root, git);
      if (await gitignoreCoversEnv(listed.root, git)) return { envFiles };
      const message =
        '.gitignore does not cover .env: add `.env*` (and `!.env.example`) so local keys never get committed';
      return { envFiles, notices: [{ path: '.gitignore', reason: 'gitignore', message }] };
    },
  };
}
