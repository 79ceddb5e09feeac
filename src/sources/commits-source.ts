import { gitLogSource } from './git-log-source.js';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import type { FragmentSource } from './source.js';

/** The added lines of the commits reachable from `include` and from none of `exclude` (full SHAs), e.g. what a push added. */
export function commitsSource(
  root: string,
  commits: { include: string[]; exclude: string[] },
  git: GitRunner = defaultGitRunner,
): FragmentSource {
  return gitLogSource(root, { mode: 'commits', include: commits.include, exclude: commits.exclude }, git);
}
