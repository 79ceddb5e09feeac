import { gitLogSource } from './git-log-source.js';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import type { FragmentSource } from './source.js';

/** The added lines of every commit on every ref (`git log --all`). */
export function historySource(root: string, git: GitRunner = defaultGitRunner): FragmentSource {
  return gitLogSource(root, { mode: 'history' }, git);
}
