import type { Notice } from '../types.js';
import { streamGitFragments } from './git.js';
import type { GitSourceRequest } from './git-source-request.js';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import { shallowBoundary } from './shallow-boundary.js';
import type { FragmentSource } from './source.js';

/**
 * The added lines of the commits `request` names, read from `git log -p` while git runs. A shallow
 * clone's history ends early without a word from git: its facts say so, or "No keys found" would
 * claim it all.
 */
export function gitLogSource(
  root: string,
  request: Exclude<GitSourceRequest, { mode: 'staged' }>,
  git: GitRunner = defaultGitRunner,
): FragmentSource {
  const stream = streamGitFragments(root, request, git);
  // Asked while git log runs rather than after it: the answer does not depend on the log.
  let asked: Promise<string[]> | undefined;
  const ask = () => {
    asked ??= shallowBoundary(root, request, git);
    asked.catch(() => undefined); // awaited by facts(); a scan that fails first never asks
    return asked;
  };
  return {
    fragments: (filter) => {
      void ask();
      return filter ? stream.filtered(filter) : stream.fragments;
    },
    commits: stream.commits,
    async facts() {
      const boundary = await ask();
      return boundary.length > 0 ? { notices: [shallowNotice(boundary)], shallowBoundary: boundary } : {};
    },
  };
}

function shallowNotice(boundary: readonly string[]): Notice {
  const shown = boundary
    .slice(0, 3)
    .map((sha) => sha.slice(0, 7))
    .join(', ');
  const more = boundary.length > 3 ? ` and ${boundary.length - 3} more` : '';
  return {
    path: '',
    reason: 'shallow',
    message: `shallow clone: history before ${shown}${more} not scanned; fetch it with \`git fetch --unshallow\``,
  };
}
