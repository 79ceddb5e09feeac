import { defaultGitRunner, type GitRunner } from './git-runner.js';

/** Whether `path` is inside a git work tree (not a bare repository, not a plain folder). */
export async function isGitWorkTree(path: string, git: GitRunner = defaultGitRunner): Promise<boolean> {
  const result = await git.run(path, ['rev-parse', '--is-inside-work-tree']);
  return result.code === 0 && result.stdout.toString().trim() === 'true';
}

/** Files git tracks (the index, so staged additions count), relative to `root`, forward slashes. */
export async function listTrackedFiles(root: string, git: GitRunner = defaultGitRunner): Promise<string[]> {
  return splitNul(await runLsFiles(root, [], git));
}

/** Runs `git ls-files -z <args>`; a failure is a one-line error naming the folder. */
export async function runLsFiles(root: string, args: readonly string[], git: GitRunner): Promise<Buffer> {
  const result = await git.run(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', ...args]);
  if (result.code !== 0)
    throw new Error(`git ls-files failed in ${root}: ${result.error || `exit code ${result.code}`}`);
  return result.stdout;
}

/** `-z` output: NUL-terminated entries, never quoted. */
export function splitNul(output: Buffer): string[] {
  const text = output.toString('utf8');
  return text ? text.split('\0').filter(Boolean) : [];
}
