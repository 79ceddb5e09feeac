import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestRepo } from './git-repo.js';

/** A local bare "origin" that serves any SHA (as GitHub does), and a clone of it to make commits in. */
export interface Origin {
  /** Path of the bare repository. */
  bare: string;
  /** `file://` URL of the bare repository. */
  url: string;
  /** Runs git in the bare repository. */
  git(...args: string[]): string;
  /** Drops every object no ref reaches, as if GitHub had garbage-collected a force-pushed-over tip. */
  pruneUnreachable(): void;
}

/**
 * Makes `dev` (a test repository) push to a new bare repository beside it. The bare repo allows
 * any SHA in a fetch request, as github.com does: actions/checkout fetches the event's commit by
 * SHA, and the Action fetches push ranges the same way.
 */
export function createOrigin(dev: TestRepo): Origin {
  const bare = join(dirname(dev.root), 'origin.git');
  const run = (cwd: string, args: string[]) =>
    execFileSync('git', args, { cwd, env: dev.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  run(dirname(dev.root), ['init', '--quiet', '--bare', bare]);
  const git = (...args: string[]) => run(bare, args);
  git('config', 'uploadpack.allowAnySHA1InWant', 'true');
  git('config', 'uploadpack.allowReachableSHA1InWant', 'true');
  const url = pathToFileURL(bare).href;
  dev.git('remote', 'add', 'origin', url);
  return {
    bare,
    url,
    git,
    pruneUnreachable() {
      git('reflog', 'expire', '--expire=now', '--all');
      git('gc', '--quiet', '--prune=now');
    },
  };
}

export interface CheckoutOptions {
  /** The commit to check out (GITHUB_SHA). */
  sha: string;
  /** Check out as this branch (a push); detached when absent (a pull request's merge commit, a tag). */
  branch?: string;
  /** actions/checkout's `fetch-depth` (default 1; 0 = all history of every branch). */
  depth?: number;
}

/**
 * A workspace made the way actions/checkout makes one (its git-source-provider): `git init`, add
 * the remote, fetch the one commit with `--depth=1 --no-tags`, check it out. Returns the path.
 * https://github.com/actions/checkout/blob/main/src/git-source-provider.ts
 */
export function checkoutWorkspace(dev: TestRepo, origin: Origin, options: CheckoutOptions): string {
  const workspace = join(dirname(dev.root), `workspace-${options.sha.slice(0, 7)}-${Date.now()}`);
  mkdirSync(workspace);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: workspace,
      env: dev.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  git('init', '--quiet');
  git('remote', 'add', 'origin', origin.url);
  const depth = options.depth ?? 1;
  const target = options.branch ? `refs/remotes/origin/${options.branch}` : 'refs/remotes/origin/checkout';
  if (depth === 0)
    git(
      'fetch',
      '--quiet',
      '--no-tags',
      '--prune',
      'origin',
      '+refs/heads/*:refs/remotes/origin/*',
      `+${options.sha}:${target}`,
    );
  else
    git(
      'fetch',
      '--quiet',
      '--no-tags',
      '--prune',
      '--no-recurse-submodules',
      `--depth=${depth}`,
      'origin',
      `+${options.sha}:${target}`,
    );
  if (options.branch) git('checkout', '--quiet', '--force', '-B', options.branch, target);
  else git('checkout', '--quiet', '--force', '--detach', options.sha);
  return workspace;
}
