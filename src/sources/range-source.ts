import { gitLogSource } from './git-log-source.js';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import type { FragmentSource } from './source.js';

/** The added lines of the commits of a range, `A..B` or `A...B` (checked before git reads it). */
export function rangeSource(root: string, range: string, git: GitRunner = defaultGitRunner): FragmentSource {
  return gitLogSource(root, { mode: 'range', range }, git);
}
