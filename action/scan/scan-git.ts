import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { GitRunner } from '../../src/sources/git-runner.js';
import { FetchError } from './fetch-error.js';

/**
 * The few git commands the Action needs to get commits into a shallow checkout, each a thin
 * wrapper that returns plain data. Everything talks to the remote `origin`, as actions/checkout
 * sets it up (with its credentials in the local config when persist-credentials is on).
 */
export interface ScanGit {
  /** Branch tips on origin: `refs/heads/x` → sha. */
  remoteBranches(): Promise<Map<string, string>>;
  /** True when the commit (or a tag that peels to one) is in the local object store. */
  hasCommit(sha: string): Promise<boolean>;
  /** Fetches these SHAs from origin, `depth` commits deep (`'unshallow'`: all of their history). Resolves false when git fails. */
  fetch(shas: readonly string[], depth: number | 'unshallow'): Promise<{ ok: boolean; error: string }>;
  /** Fetches every branch of origin with its whole history into refs/remotes/origin/*. */
  fetchAllBranches(): Promise<{ ok: boolean; error: string }>;
  /** The commit a SHA names (peels annotated tags). */
  peel(sha: string): Promise<string>;
  /** `rev-list --max-parents=0 <include> --not <exclude>`: the commits of the set with no (known) parent. */
  bottoms(include: readonly string[], exclude: readonly string[]): Promise<string[]>;
  /** The boundary commits of a shallow clone (.git/shallow); empty when the clone is complete. */
  shallowCommits(): Promise<Set<string>>;
  /** True when `include --not exclude` holds a merge commit (`rev-list --merges --max-count=1`). */
  hasMerges(include: readonly string[], exclude: readonly string[]): Promise<boolean>;
  /** A file's bytes as text at a local commit (`git show <sha>:<path>`), or undefined when the commit has no such file. */
  showFile(sha: string, path: string): Promise<string | undefined>;
}

export function createScanGit(root: string, git: GitRunner): ScanGit {
  const run = async (args: string[]) => {
    const result = await git.run(root, args);
    return { ok: result.code === 0, out: result.stdout.toString('utf8'), error: result.error };
  };
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  return {
    async remoteBranches() {
      const r = await run(['ls-remote', '--heads', 'origin']);
      if (!r.ok)
        throw new FetchError(
          `cannot list the branches of origin (git ls-remote: ${r.error}): keep actions/checkout's default persist-credentials: true, or use fetch-depth: 0`,
        );
      return new Map(
        lines(r.out)
          .map((l) => l.split('\t'))
          .map(([sha, ref]) => [ref!, sha!]),
      );
    },
    async hasCommit(sha) {
      return (await run(['cat-file', '-e', `${sha}^{commit}`])).ok;
    },
    async fetch(shas, depth) {
      const deep = depth === 'unshallow' ? ['--unshallow'] : [`--depth=${depth}`];
      // --no-tags: a tag would pull in history we did not ask for; --no-write-fetch-head: no state left behind.
      const r = await run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--no-recurse-submodules',
        ...deep,
        'origin',
        ...shas,
      ]);
      return { ok: r.ok, error: r.error };
    },
    async fetchAllBranches() {
      const shallow = (await run(['rev-parse', '--is-shallow-repository'])).out.trim() === 'true';
      const r = await run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--prune',
        ...(shallow ? ['--unshallow'] : []),
        'origin',
        '+refs/heads/*:refs/remotes/origin/*',
      ]);
      return { ok: r.ok, error: r.error };
    },
    async peel(sha) {
      const r = await run(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`]);
      return r.ok ? r.out.trim() : sha;
    },
    async bottoms(include, exclude) {
      const r = await run(['rev-list', '--max-parents=0', ...include, '--not', ...exclude, '--']);
      if (!r.ok) throw new FetchError(`git rev-list failed on the commits to scan: ${r.error}`);
      return lines(r.out);
    },
    async shallowCommits() {
      const path = (await run(['rev-parse', '--git-path', 'shallow'])).out.trim();
      const file = isAbsolute(path) ? path : join(root, path);
      const text = await readFile(file, 'utf8').catch(() => '');
      return new Set(lines(text));
    },
    async hasMerges(include, exclude) {
      const r = await run(['rev-list', '--merges', '--max-count=1', ...include, '--not', ...exclude, '--']);
      if (!r.ok) throw new FetchError(`git rev-list failed on the commits to scan: ${r.error}`);
      return lines(r.out).length > 0;
    },
    async showFile(sha, path) {
      // The commit must be here: "not in this clone" must never read as "no such file" (and so as the defaults).
      if (!(await run(['cat-file', '-e', `${sha}^{commit}`])).ok)
        throw new FetchError(`cannot read ${path} at ${sha.slice(0, 7)}: the commit is not in the clone`);
      const blob = await run(['rev-parse', '--verify', '--quiet', `${sha}:${path}`]);
      if (!blob.ok) return undefined;
      const r = await run(['cat-file', 'blob', blob.out.trim()]);
      if (!r.ok) throw new FetchError(`cannot read ${path} at ${sha.slice(0, 7)}: ${r.error}`);
      return r.out;
    },
  };
}
