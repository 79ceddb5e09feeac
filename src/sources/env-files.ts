import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { defaultGitRunner, type GitRunner } from './git-runner.js';
import { isGitWorkTree, listTrackedFiles, splitNul } from './git-work-tree.js';

/**
 * Suffixes of files meant to be committed: a template of the keys without their values
 * (`.env.example`), or dotenv-vault's encrypted `.env.vault`.
 */
const SHAREABLE = new Set([
  'example',
  'examples',
  'sample',
  'samples',
  'template',
  'templates',
  'tpl',
  'dist',
  'default',
  'defaults',
  'schema',
  'vault',
]);

/** Whether a path names a `.env`-family file that holds real values: `.env`, `.env.local`, `.env.production`, … */
export function isEnvFile(path: string): boolean {
  const name = basename(path);
  if (name !== '.env' && !name.startsWith('.env.')) return false;
  return !name
    .slice(5)
    .toLowerCase()
    .split('.')
    .some((part) => SHAREABLE.has(part));
}

/** The `.env`-family files git tracks (staged additions included); none outside a git work tree. */
export async function trackedEnvFiles(root: string, git: GitRunner = defaultGitRunner): Promise<string[]> {
  if (!(await isGitWorkTree(root, git).catch(() => false))) return [];
  return (await listTrackedFiles(root, git)).filter(isEnvFile);
}

/** The `.env`-family files the next commit adds or changes (what a pre-commit hook should stop). */
export async function stagedEnvFiles(root: string, git: GitRunner = defaultGitRunner): Promise<string[]> {
  const result = await git.run(root, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--cached',
    '--name-only',
    '-z',
    '--no-renames',
    '--diff-filter=ACMR',
  ]);
  return result.code === 0 ? splitNul(result.stdout).filter(isEnvFile) : [];
}

/**
 * Whether a committed .gitignore keeps `.env` out of git. In a repository git itself decides
 * (`git check-ignore --no-index`, so a tracked .env is judged by the rules too); only rules from
 * a `.gitignore` file count, because `.git/info/exclude` and a global excludes file do not travel
 * with the repository. Outside git the root `.gitignore` is read with the same rules.
 */
export async function gitignoreCoversEnv(root: string, git: GitRunner = defaultGitRunner): Promise<boolean> {
  if (await isGitWorkTree(root, git).catch(() => false)) {
    const result = await git.run(root, ['check-ignore', '--no-index', '--verbose', '--', '.env']);
    if (result.code !== 0) return false;
    // "<source>:<line>:<pattern>\t<path>"
    const [source = '', , pattern = ''] = result.stdout.toString('utf8').split('\t')[0]!.split(':');
    return basename(source) === '.gitignore' && !isAbsolute(source) && !pattern.startsWith('!');
  }
  const text = await readFile(join(root, '.gitignore'), 'utf8').catch(() => '');
  // Loaded here, the one place that reads the rules itself, so no scan pays for it at start-up.
  const { default: ignore } = await import('ignore');
  return ignore().add(text).ignores('.env');
}
