import { describe, expect, it } from 'vitest';
import { gitignoreCoversEnv, isEnvFile, trackedEnvFiles } from '../../src/sources/env-files.js';
import { useTestRepos } from '../support/git-repo.js';

const newRepo = useTestRepos();

describe('isEnvFile', () => {
  it.each([
    ['.env', true],
    ['.env.production', true],
    ['config/.env.local', true],
    ['.env.production.local', true],
    ['.env.example', false],
    ['.env.sample', false],
    ['.env.template', false],
    ['.env.dist', false],
    ['.env.defaults', false],
    ['.env.local.example', false],
    ['.environment', false],
    ['.envrc', false],
    ['env', false],
    ['src/dotenv.ts', false],
  ])('%s → %s', (path, expected) => {
    expect(isEnvFile(path)).toBe(expected);
  });
});

describe('trackedEnvFiles', () => {
  it('lists tracked and staged .env-family files, not examples or untracked ones', async () => {
    const repo = newRepo();
    repo.write('.env', 'MARKER=1\n');
    repo.write('.env.example', 'MARKER=\n');
    repo.commit('env');
    repo.write('config/.env.production', 'MARKER=1\n');
    repo.git('add', 'config/.env.production');
    repo.write('.env.local', 'MARKER=1\n');
    expect(await trackedEnvFiles(repo.root, repo.runner)).toEqual(['.env', 'config/.env.production']);
  });

  it('is empty outside git', async () => {
    const dir = newRepo({ init: false });
    dir.write('.env', 'MARKER=1\n');
    expect(await trackedEnvFiles(dir.root, dir.runner)).toEqual([]);
  });
});

describe('gitignoreCoversEnv', () => {
  it.each([
    ['', false],
    ['.env*\n!.env.example\n', true],
    ['.env\n', true],
    ['*.env\n', true],
    ['.env.local\n', false],
    ['.env\n!.env\n', false],
    ['node_modules/\n', false],
  ])('in a repository, .gitignore %j → %s', async (gitignore, expected) => {
    const repo = newRepo();
    if (gitignore) repo.write('.gitignore', gitignore);
    expect(await gitignoreCoversEnv(repo.root, repo.runner)).toBe(expected);
  });

  it('judges a tracked .env by the rules too', async () => {
    const repo = newRepo();
    repo.write('.env', 'MARKER=1\n');
    repo.commit('env');
    repo.write('.gitignore', '.env\n');
    expect(await gitignoreCoversEnv(repo.root, repo.runner)).toBe(true);
  });

  it('does not count rules that stay on this machine (info/exclude, a global excludes file)', async () => {
    const repo = newRepo();
    repo.write('.git/info/exclude', '.env\n');
    expect(await gitignoreCoversEnv(repo.root, repo.runner)).toBe(false);
    repo.write('../.gitignore', '.env\n');
    repo.git('config', 'core.excludesFile', `${repo.root}/../.gitignore`);
    expect(await gitignoreCoversEnv(repo.root, repo.runner)).toBe(false);
  });

  it('reads the root .gitignore outside git', async () => {
    const dir = newRepo({ init: false });
    expect(await gitignoreCoversEnv(dir.root, dir.runner)).toBe(false);
    dir.write('.gitignore', '.env*\n');
    expect(await gitignoreCoversEnv(dir.root, dir.runner)).toBe(true);
  });
});
