import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitRunner } from '../../src/sources/git-runner.js';
import { listTreeFiles } from '../../src/sources/tree.js';
import { useTestRepos } from '../support/git-repo.js';

const newRepo = useTestRepos();

/** A file outside every test tree, for symlinks to point at. */
function outsideFile(): string {
  const dir = newRepo({ init: false }).root;
  writeFileSync(join(dir, 'outside.txt'), 'MARKER-OUTSIDE\n');
  return join(dir, 'outside.txt');
}

describe('listTreeFiles in a git work tree', () => {
  it('lists tracked and unignored untracked files, honours .gitignore, drops deleted files', async () => {
    const repo = newRepo();
    repo.write('.gitignore', 'ignored.txt\nbuild/\n');
    repo.write('tracked.txt', 'MARKER\n');
    repo.write('deleted.txt', 'MARKER\n');
    repo.write('src/deep/file.txt', 'MARKER\n');
    repo.commit('base');
    repo.write('untracked.txt', 'MARKER\n');
    repo.write('ignored.txt', 'MARKER\n');
    repo.write('build/out.txt', 'MARKER\n');
    repo.write('forced.txt', 'MARKER\n');
    repo.git('add', '--force', 'forced.txt');
    unlinkSync(join(repo.root, 'deleted.txt'));
    const listing = await listTreeFiles(repo.root, repo.runner);
    expect(listing).toEqual({
      paths: ['.gitignore', 'forced.txt', 'src/deep/file.txt', 'tracked.txt', 'untracked.txt'],
      notices: [],
      git: true,
    });
  });

  it('skips symlinks: quietly when they point inside, with a notice when they point out', async () => {
    const repo = newRepo();
    repo.write('real.txt', 'MARKER\n');
    symlinkSync('real.txt', join(repo.root, 'inside-link'));
    symlinkSync(outsideFile(), join(repo.root, 'tracked-out'));
    repo.commit('links');
    symlinkSync('/etc', join(repo.root, 'untracked-out'));
    symlinkSync('../../nowhere', join(repo.root, 'dangling-out'));
    const listing = await listTreeFiles(repo.root, repo.runner);
    expect(listing.paths).toEqual(['real.txt']);
    expect(listing.notices.map((n) => [n.path, n.reason])).toEqual([
      ['tracked-out', 'symlink-outside'],
      ['dangling-out', 'symlink-outside'],
      ['untracked-out', 'symlink-outside'],
    ]);
  });

  it('skips a submodule and a nested repository with a notice', async () => {
    const lib = newRepo();
    lib.write('lib.txt', 'MARKER-LIB\n');
    lib.commit('lib');
    const repo = newRepo();
    repo.write('app.txt', 'MARKER\n');
    repo.commit('app');
    repo.git('submodule', '--quiet', 'add', lib.root, 'vendor/lib');
    repo.commit('add submodule');
    execFileSync('git', ['init', '--quiet', join(repo.root, 'nested')], { env: repo.env });
    repo.write('nested/inner.txt', 'MARKER\n');
    const listing = await listTreeFiles(repo.root, repo.runner);
    expect(listing.paths).toEqual(['.gitmodules', 'app.txt']);
    expect(listing.notices.map((n) => [n.path, n.reason])).toEqual([
      ['vendor/lib', 'submodule'],
      ['nested', 'submodule'],
    ]);
  });

  it('walks a folder the repository ignores when it is the one asked for (node_modules)', async () => {
    const repo = newRepo();
    repo.write('.gitignore', 'node_modules/\n');
    repo.write('node_modules/pkg/index.js', 'MARKER\n');
    repo.write('node_modules/pkg/.gitignore', 'dist/\n');
    repo.write('node_modules/pkg/dist/bundle.js', 'MARKER\n');
    repo.commit('base');
    const listing = await listTreeFiles(join(repo.root, 'node_modules'), repo.runner);
    expect(listing).toEqual({ paths: ['pkg/.gitignore', 'pkg/index.js'], notices: [], git: false });
  });

  it('lists a subfolder of a repository relative to that subfolder', async () => {
    const repo = newRepo();
    repo.write('sub/a.txt', 'MARKER\n');
    repo.write('top.txt', 'MARKER\n');
    repo.commit('base');
    repo.write('sub/b.txt', 'MARKER\n');
    expect((await listTreeFiles(join(repo.root, 'sub'), repo.runner)).paths).toEqual(['a.txt', 'b.txt']);
  });
});

describe('listTreeFiles outside git', () => {
  it('walks the folder honouring nested .gitignore files and negations, never .git', async () => {
    const dir = newRepo({ init: false });
    dir.write('.gitignore', '*.log\nvendor/\n');
    dir.write('keep.txt', 'MARKER\n');
    dir.write('debug.log', 'MARKER\n');
    dir.write('vendor/lib.js', 'MARKER\n');
    dir.write('app/.gitignore', '!important.log\nlocal/\n');
    dir.write('app/important.log', 'MARKER\n');
    dir.write('app/other.log', 'MARKER\n');
    dir.write('app/local/x.txt', 'MARKER\n');
    dir.write('app/src/main.txt', 'MARKER\n');
    dir.write('.git/config', 'MARKER\n');
    dir.write('nested/.git/HEAD', 'MARKER\n');
    dir.write('nested/file.txt', 'MARKER\n');
    const listing = await listTreeFiles(dir.root, dir.runner);
    expect(listing).toEqual({
      paths: ['.gitignore', 'app/.gitignore', 'app/important.log', 'app/src/main.txt', 'keep.txt', 'nested/file.txt'],
      notices: [],
      git: false,
    });
  });

  it('skips symlinks and special files, with a notice for links out of the folder', async () => {
    const dir = newRepo({ init: false });
    dir.write('real.txt', 'MARKER\n');
    mkdirSync(join(dir.root, 'sub'));
    symlinkSync('../real.txt', join(dir.root, 'sub', 'inside-link'));
    symlinkSync(outsideFile(), join(dir.root, 'sub', 'outside-link'));
    symlinkSync('/', join(dir.root, 'root-dir-link'));
    execFileSync('mkfifo', [join(dir.root, 'pipe')]);
    const listing = await listTreeFiles(dir.root, dir.runner);
    expect(listing.paths).toEqual(['real.txt']);
    expect(listing.notices.map((n) => [n.path, n.reason]).sort()).toEqual([
      ['root-dir-link', 'symlink-outside'],
      ['sub/outside-link', 'symlink-outside'],
    ]);
  });

  it('walks a plain folder when git is not installed', async () => {
    const dir = newRepo({ init: false });
    dir.write('a.txt', 'MARKER\n');
    const listing = await listTreeFiles(dir.root, createGitRunner({ binary: join(dir.root, 'no-git') }));
    expect(listing.paths).toEqual(['a.txt']);
  });
});
