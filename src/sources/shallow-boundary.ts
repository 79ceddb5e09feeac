import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import type { GitSourceRequest } from './git-source-request.js';

/**
 * The commits where a git scan stops short in a shallow clone: commits of the scanned set whose
 * parents the clone does not have (git lists them in its `shallow` file), so nothing before them
 * is read. Empty for a complete clone, for staged changes, and for a set the clone holds whole (the
 * Action deepens until it does). Best effort: a git that cannot answer gives no boundary, and the
 * scan's own errors say what went wrong.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-shallow-repository
 */
export async function shallowBoundary(
  root: string,
  request: GitSourceRequest,
  git: GitRunner = defaultGitRunner,
): Promise<string[]> {
  if (request.mode === 'staged' || !(await isShallow(root, git))) return [];
  const where = await git.run(root, ['rev-parse', '--git-path', 'shallow']);
  const file = await readFile(resolve(root, where.stdout.toString().trim()), 'utf8').catch(() => '');
  const shallow = new Set(file.split('\n').filter(Boolean));
  const bottoms = await git.run(root, ['rev-list', '--max-parents=0', ...revisionsOf(request), '--']);
  if (bottoms.code !== 0) return [];
  return bottoms.stdout
    .toString()
    .split('\n')
    .filter((sha) => shallow.has(sha));
}

export async function isShallow(root: string, git: GitRunner = defaultGitRunner): Promise<boolean> {
  const probe = await git.run(root, ['rev-parse', '--is-shallow-repository']);
  return probe.code === 0 && probe.stdout.toString().trim() === 'true';
}

function revisionsOf(request: Exclude<GitSourceRequest, { mode: 'staged' }>): string[] {
  switch (request.mode) {
    case 'history':
      return ['--all'];
    case 'range':
      return ['--end-of-options', request.range];
    case 'commits':
      return [...request.include, '--not', ...request.exclude];
  }
}
