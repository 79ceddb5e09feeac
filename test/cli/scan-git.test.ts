import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

const cli = (...args: string[]) => runCli(args, { cwd: repo.root, env: repo.env });
const findingsOf = (...args: string[]) =>
  JSON.parse(cli('scan', '.', '--format', 'json', ...args).stdout).findings as {
    detector: string;
    path: string;
    line: number;
    commit?: string;
    author?: string;
  }[];

describe('key-hygiene scan over git', () => {
  it('--staged finds what is about to be committed, and only that', () => {
    repo = createTestRepo();
    repo.write('.gitignore', '.env\n');
    repo.write('app.ts', 'export const a = 1;\n');
    repo.commit('init');
    repo.write('app.ts', `export const a = 1;\nexport const key = "${makeKey('anthropic-api-key', 2)}";\n`);
    expect(cli('scan', '.', '--staged').code).toBe(0); // written but not staged
    repo.git('add', 'app.ts');
    const staged = cli('scan', '.', '--staged');
    expect(staged.code).toBe(1);
    expect(staged.stdout).toContain('app.ts');
    expect(findingsOf('--staged')[0]).toMatchObject({ path: 'app.ts', line: 2 });
  });

  it('--range reports the lines a range added, not the ones it removed', () => {
    repo = createTestRepo();
    repo.write('a.txt', 'start\n');
    const first = repo.commit('one');
    repo.write('a.txt', `start\nkey: ${makeKey('openai-project-key', 4)}\n`);
    const leak = repo.commit('leak');
    repo.write('a.txt', 'start\n');
    const fix = repo.commit('remove it');

    const all = findingsOf('--range', `${first}..${fix}`);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ path: 'a.txt', line: 2, commit: leak, author: 'Test Author' });
    expect(findingsOf('--range', `${leak}..${fix}`)).toEqual([]);
  });

  it('--history finds a key on any ref, in a file deleted since, with its commit', () => {
    repo = createTestRepo();
    repo.write('readme.md', 'hello\n');
    repo.commit('init');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('old/creds.json', `{"token": "${makeKey('huggingface-access-token', 6)}"}\n`);
    const leak = repo.commit('creds');
    repo.git('rm', '-q', 'old/creds.json');
    repo.commit('drop creds');
    repo.git('checkout', '-q', 'main');

    expect(cli('scan', '.').code).toBe(0);
    const history = findingsOf('--history');
    expect(history.map((f) => [f.path, f.commit])).toEqual([['old/creds.json', leak]]);
  });

  it("a baseline accepts today's findings and still fails on a new one, across a rebase", () => {
    repo = createTestRepo();
    repo.write('.gitignore', '.env\n');
    repo.write('old.py', `KEY = "${makeKey('openai-user-key', 7)}"\n`);
    repo.commit('old leak');
    const baseline = cli('baseline', '.');
    expect(baseline.code).toBe(0);
    writeFileSync(join(repo.root, 'baseline.json'), baseline.stdout);
    expect(JSON.parse(baseline.stdout).findings).toHaveLength(1);
    expect(cli('scan', '.', '--baseline', 'baseline.json').code).toBe(0);

    repo.write('moved/old.py', `\n\nKEY = "${makeKey('openai-user-key', 7)}"\n`); // same key, new place
    expect(cli('scan', '.', '--baseline', 'baseline.json', '--history').code).toBe(0);
    repo.write('new.py', `KEY = "${makeKey('openai-user-key', 8)}"\n`);
    const run = cli('scan', '.', '--baseline', 'baseline.json', '--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['new.py']);
  });
});

describe('key-hygiene scan --staged and .env files', () => {
  it('stops a commit that adds a .env file, even an empty one, but not one already committed', () => {
    repo = createTestRepo();
    repo.write('.env.local', 'DEBUG=1\n');
    repo.commit('old mistake');
    repo.write('.env.production', '');
    repo.write('.env.example', 'OPENAI_API_KEY=\n');
    repo.git('add', '--all');
    const findings = findingsOf('--staged');
    expect(findings.map((f) => `${f.detector} ${f.path}`)).toEqual(['hygiene-env-file .env.production']);
  });
});
