import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { createGitRunner, type GitRunner } from '../../src/sources/git-runner.js';

/** A real git repository in a temp folder, with git calls that ignore the machine's own config. */
export interface TestRepo {
  root: string;
  /** The environment every git call here uses; pass `runner` to the code under test. */
  env: NodeJS.ProcessEnv;
  runner: GitRunner;
  /** Runs git in the repository (an args array, no shell) and returns its stdout, trimmed. */
  git(...args: string[]): string;
  write(path: string, content: string | Buffer): void;
  /** Stages everything and commits; returns the new commit's sha. */
  commit(message: string): string;
  remove(): void;
}

/** A temp folder, removed by the caller. */
export function makeTempDir(prefix = 'kh-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The machine's config must not leak in (a global diff.noprefix or a hook would change what git
 * prints): no system config, a global config of our own, a HOME of our own, fixed identities.
 */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  const config = join(home, 'gitconfig');
  writeFileSync(
    config,
    '[init]\n\tdefaultBranch = main\n[protocol "file"]\n\tallow = always\n[commit]\n\tgpgSign = false\n',
  );
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: config,
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.test',
  };
}

/** Creates a repository (or, with `init: false`, a plain folder) in a fresh temp folder. */
export function createTestRepo(options: { init?: boolean } = {}): TestRepo {
  const base = makeTempDir();
  const root = join(base, 'repo');
  mkdirSync(root);
  const env = isolatedGitEnv(base);
  let clock = Date.UTC(2024, 0, 1) / 1000;
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  if (options.init !== false) git('init', '--quiet');
  return {
    root,
    env,
    runner: createGitRunner({ env }),
    git,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    commit(message) {
      // A minute per commit keeps `git log` order stable and dates checkable.
      clock += 60;
      const date = `@${clock} +0000`;
      git('add', '--all');
      execFileSync('git', ['commit', '--quiet', '--allow-empty', '-m', message], {
        cwd: root,
        env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
        stdio: 'ignore',
      });
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** A maker of test repositories for one test file; each is removed after the test that made it. */
export function useTestRepos(): (options?: { init?: boolean }) => TestRepo {
  const repos: TestRepo[] = [];
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.remove();
  });
  return (options) => {
    const repo = createTestRepo(options);
    repos.push(repo);
    return repo;
  };
}
