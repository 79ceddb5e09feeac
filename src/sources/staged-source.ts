import { stagedEnvFiles } from './env-files.js';
import { streamGitFragments } from './git.js';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import type { FragmentSource } from './source.js';

/** The added lines of the staged changes (what a pre-commit hook checks), and the `.env` files they add. */
export function stagedSource(root: string, git: GitRunner = defaultGitRunner): FragmentSource {
  const stream = streamGitFragments(root, { mode: 'staged' }, git);
  // Asked of git at once, so it runs while the detectors load: a pre-commit hook waits for all of it.
  const envFiles = stagedEnvFiles(root, git);
  envFiles.catch(() => {}); // its failure is reported where facts() is awaited
  return {
    fragments: () => stream.fragments,
    commits: stream.commits,
    facts: async () => ({ envFiles: await envFiles }),
  };
}
