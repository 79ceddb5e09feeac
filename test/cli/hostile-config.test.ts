import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

describe('key-hygiene scan with a hostile config', () => {
  // A backtracking glob engine spends hours matching this glob against the 200-character file name;
  // the scan must finish (inside the test's time-out, whatever the machine's load) and report the key.
  it('finishes and still reports the key', { timeout: 90_000 }, () => {
    repo = createTestRepo();
    mkdirSync(join(repo.root, '.github'));
    writeFileSync(
      join(repo.root, '.github/key-hygiene.yml'),
      "scan:\n  allow:\n    paths: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b']\n",
    );
    writeFileSync(join(repo.root, `${'a'.repeat(200)}.txt`), `OPENAI_API_KEY=${makeKey('openai-project-key')}\n`);
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: repo.root, env: repo.env, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { detector: string }) => f.detector)).toEqual([
      'openai-project-key',
    ]);
  });

  it('rejects a glob it cannot evaluate, naming the field', () => {
    repo = createTestRepo();
    mkdirSync(join(repo.root, '.github'));
    writeFileSync(join(repo.root, '.github/key-hygiene.yml'), "scan:\n  allow:\n    paths: ['!(docs)/**']\n");
    const run = runCli(['scan', '.'], { cwd: repo.root, env: repo.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/scan\.allow\.paths\.0/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a config too large to be a config, and lists too long, in one line each', () => {
    repo = createTestRepo();
    mkdirSync(join(repo.root, '.github'));
    const regexes = Array.from({ length: 501 }, (_, i) => `      - 'x${i}'\n`).join('');
    writeFileSync(join(repo.root, '.github/key-hygiene.yml'), `scan:\n  allow:\n    regexes:\n${regexes}`);
    const long = runCli(['scan', '.'], { cwd: repo.root, env: repo.env });
    expect([long.code, long.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(long.stderr).toMatch(/field 'scan\.allow\.regexes' .*500/);

    writeFileSync(join(repo.root, '.github/key-hygiene.yml'), `# ${'x'.repeat(300 * 1024)}\n`);
    const big = runCli(['scan', '.'], { cwd: repo.root, env: repo.env });
    expect([big.code, big.stderr.trim()]).toEqual([
      2,
      expect.stringMatching(/more than a config may hold \(256 KiB\)$/),
    ]);
  });
});
