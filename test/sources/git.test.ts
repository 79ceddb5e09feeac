import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError } from '../../src/sources/git-error.js';
import { streamGitFragments, type GitFragments } from '../../src/sources/git.js';
import type { GitSourceRequest } from '../../src/sources/git-source-request.js';
import { createGitRunner, type GitResult, type GitRunner } from '../../src/sources/git-runner.js';
import { isGitWorkTree, listTrackedFiles } from '../../src/sources/git-work-tree.js';
import type { Fragment } from '../../src/types.js';
import { useTestRepos, type TestRepo } from '../support/git-repo.js';

const newRepo = useTestRepos();

async function collect(stream: GitFragments): Promise<Fragment[]> {
  const out: Fragment[] = [];
  for await (const fragment of stream.fragments) out.push(fragment);
  return out;
}

function read(repo: TestRepo, request: GitSourceRequest): Promise<Fragment[]> {
  return collect(streamGitFragments(repo.root, request, repo.runner));
}

async function failure(repo: TestRepo, request: GitSourceRequest): Promise<GitError> {
  const error = await read(repo, request).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

const texts = (fragments: Fragment[]) => fragments.map((f) => f.text).join('\n');

describe('streamGitFragments staged', () => {
  it('yields staged added lines with their line numbers, not removed or unstaged ones', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'MARKER-KEEP\nMARKER-GONE\n');
    repo.commit('base');
    repo.write('a.txt', 'MARKER-KEEP\nMARKER-STAGED\n');
    repo.write('new/b.txt', 'MARKER-NEW-1\nMARKER-NEW-2\n');
    repo.git('add', '--all');
    repo.write('a.txt', 'MARKER-KEEP\nMARKER-STAGED\nMARKER-UNSTAGED\n');
    const stream = streamGitFragments(repo.root, { mode: 'staged' }, repo.runner);
    const fragments = await collect(stream);
    expect(fragments).toEqual([
      { path: 'a.txt', text: 'MARKER-STAGED', startLine: 2, lineNumbers: [2] },
      { path: 'new/b.txt', text: 'MARKER-NEW-1\nMARKER-NEW-2', startLine: 1, lineNumbers: [1, 2] },
    ]);
    expect(stream.commits()).toBe(0);
  });

  it('works before the first commit, and a staged rename or deletion adds nothing', async () => {
    const repo = newRepo();
    repo.write('first.txt', 'MARKER-FIRST\n');
    repo.git('add', '--all');
    expect(texts(await read(repo, { mode: 'staged' }))).toBe('MARKER-FIRST');
    repo.commit('first');
    repo.write('other.txt', 'MARKER-OTHER\n');
    repo.commit('other');
    repo.git('mv', 'first.txt', 'moved.txt');
    repo.git('rm', '--quiet', 'other.txt');
    expect(await read(repo, { mode: 'staged' })).toEqual([]);
  });
});

describe('streamGitFragments range', () => {
  it('yields the added lines of the commits in the range, across a merge, and a rename adds nothing', async () => {
    const repo = newRepo();
    repo.write('base.txt', 'MARKER-BASE\n');
    const base = repo.commit('base');
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write('feature.txt', 'MARKER-FEATURE\n');
    const feature = repo.commit('feature');
    repo.git('checkout', '--quiet', 'main');
    repo.write('main.txt', 'MARKER-MAIN\n');
    repo.commit('main');
    repo.git('merge', '--quiet', '--no-ff', '-m', 'merge feature', 'feature');
    repo.git('mv', 'base.txt', 'renamed.txt');
    repo.commit('rename');

    const stream = streamGitFragments(repo.root, { mode: 'range', range: `${base}..HEAD` }, repo.runner);
    const fragments = await collect(stream);
    expect(fragments.map((f) => f.text).sort()).toEqual(['MARKER-FEATURE', 'MARKER-MAIN']);
    expect(fragments.map((f) => f.path)).not.toContain('renamed.txt');
    expect(stream.commits()).toBe(4);
    expect(fragments.find((f) => f.path === 'feature.txt')).toMatchObject({
      commit: feature,
      author: 'Test Author',
      email: 'author@example.test',
      date: '2024-01-01T00:02:00+00:00',
    });
  });

  it('reads A...B and A.. forms', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'MARKER-A\n');
    repo.commit('a');
    repo.git('checkout', '--quiet', '-b', 'side');
    repo.write('side.txt', 'MARKER-SIDE\n');
    repo.commit('side');
    repo.git('checkout', '--quiet', 'main');
    repo.write('main.txt', 'MARKER-MAIN\n');
    repo.commit('main');
    expect(
      texts(await read(repo, { mode: 'range', range: 'side...main' }))
        .split('\n')
        .sort(),
    ).toEqual(['MARKER-MAIN', 'MARKER-SIDE']);
    expect(texts(await read(repo, { mode: 'range', range: 'side..' }))).toBe('MARKER-MAIN');
  });

  it('keeps odd paths whole: spaces, non-ASCII, quotes and tabs; drops CRs of CRLF', async () => {
    const repo = newRepo();
    repo.write('seed.txt', 'seed\n');
    const base = repo.commit('seed');
    repo.write('dir with space/café menu.txt', 'MARKER-CAFE\n');
    repo.write('say "hi"\there.txt', 'MARKER-QUOTED\n');
    repo.write('windows.txt', 'MARKER-CRLF-1\r\nMARKER-CRLF-2\r\n');
    repo.commit('odd');
    const fragments = await read(repo, { mode: 'range', range: `${base}..HEAD` });
    expect(fragments.map((f) => [f.path, f.text])).toEqual([
      ['dir with space/café menu.txt', 'MARKER-CAFE'],
      ['say "hi"\there.txt', 'MARKER-QUOTED'],
      ['windows.txt', 'MARKER-CRLF-1\nMARKER-CRLF-2'],
    ]);
  });

  it('names the unknown side of an invalid range', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'MARKER\n');
    repo.commit('a');
    const error = await failure(repo, { mode: 'range', range: 'main..no-such-branch' });
    expect(error.kind).toBe('bad-revision');
    expect(error.message).toBe("unknown revision 'no-such-branch' in range 'main..no-such-branch'");
  });

  it('refuses a range that git would read as an option, before running git', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'MARKER\n');
    repo.commit('a');
    const target = join(repo.root, 'injected.txt');
    for (const range of [`--output=${target}`, '-p..HEAD', 'HEAD..--output=x', 'HEAD']) {
      const error = await failure(repo, { mode: 'range', range });
      expect(error.kind).toBe('bad-argument');
      expect(error.message).toContain(`range '${range}'`);
    }
    expect(existsSync(target)).toBe(false);
  });
});

describe('streamGitFragments history', () => {
  it('reads every commit on every ref, including a branch not checked out and deleted files', async () => {
    const repo = newRepo();
    repo.write('secret.txt', 'MARKER-DELETED-LATER\n');
    const added = repo.commit('add');
    repo.git('rm', '--quiet', 'secret.txt');
    repo.commit('remove');
    repo.git('branch', 'side');
    repo.git('checkout', '--quiet', 'side');
    repo.write('side.txt', 'MARKER-SIDE-ONLY\n');
    repo.commit('side');
    repo.git('checkout', '--quiet', 'main');

    const stream = streamGitFragments(repo.root, { mode: 'history' }, repo.runner);
    const fragments = await collect(stream);
    expect(fragments.find((f) => f.text === 'MARKER-DELETED-LATER')).toMatchObject({
      path: 'secret.txt',
      commit: added,
    });
    expect(texts(fragments)).toContain('MARKER-SIDE-ONLY');
    expect(stream.commits()).toBe(3);
  });

  it('yields nothing for a repository without commits', async () => {
    const repo = newRepo();
    expect(await read(repo, { mode: 'history' })).toEqual([]);
  });

  it('stops git when the reader stops early', async () => {
    const repo = newRepo();
    for (let i = 0; i < 5; i++) {
      repo.write(`f${i}.txt`, `MARKER-${i}\n`);
      repo.commit(`c${i}`);
    }
    const stream = streamGitFragments(repo.root, { mode: 'history' }, repo.runner);
    for await (const fragment of stream.fragments) {
      expect(fragment.text).toBe('MARKER-4');
      break;
    }
  });

  it('says a plain folder is not a git repository, naming the mode', async () => {
    const folder = newRepo({ init: false });
    const error = await failure(folder, { mode: 'history' });
    expect(error.kind).toBe('not-a-repository');
    expect(error.message).toBe(`${folder.root} is not a git repository (needed for --history)`);
  });

  it('says when git cannot be found', async () => {
    const repo = newRepo();
    const runner = createGitRunner({ binary: join(repo.root, 'no-git-here'), env: repo.env });
    const error = await collect(streamGitFragments(repo.root, { mode: 'history' }, runner)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect(error).toMatchObject({ kind: 'git-missing' });
    expect((error as Error).message).toMatch(/^git was not found \(tried '.*no-git-here'\) \(needed for --history\)$/);
  });
});

describe('isGitWorkTree / listTrackedFiles', () => {
  it('tells a work tree from a plain folder and lists the index', async () => {
    const repo = newRepo();
    repo.write('tracked.txt', 'MARKER\n');
    repo.write('späce name.txt', 'MARKER\n');
    repo.git('add', '--all');
    repo.write('untracked.txt', 'MARKER\n');
    expect(await isGitWorkTree(repo.root, repo.runner)).toBe(true);
    expect(await listTrackedFiles(repo.root, repo.runner)).toEqual(['späce name.txt', 'tracked.txt']);
    const folder = newRepo({ init: false });
    expect(await isGitWorkTree(folder.root, folder.runner)).toBe(false);
  });
});

describe('streamGitFragments with a failing git', () => {
  it("yields what git printed, then fails with git's own one-line reason", async () => {
    const failure: GitResult = { code: 128, stdout: Buffer.alloc(0), error: 'fatal: bad object 1234' };
    const done = Promise.reject(failure);
    done.catch(() => undefined);
    const runner: GitRunner = {
      run: async () => ({ code: 0, stdout: Buffer.from('.git\n'), error: '' }),
      stream: () => ({
        stdout: (async function* () {
          yield Buffer.from('diff --git a/a.txt b/a.txt\n--- /dev/null\n+++ b/a.txt\n@@ -0,0 +1 @@\n+MARKER\n');
        })(),
        done,
        stop: () => undefined,
      }),
    };
    const seen: string[] = [];
    const error = await (async () => {
      for await (const f of streamGitFragments('/repo', { mode: 'history' }, runner).fragments) seen.push(f.text);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['MARKER']);
    expect(error).toBeInstanceOf(GitError);
    expect((error as Error).message).toBe('git failed reading --history in /repo: fatal: bad object 1234');
  });
});
