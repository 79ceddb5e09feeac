import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

describe('key-hygiene scan with a hostile allow.paths glob', () => {
  // A backtracking glob engine spends hours matching this glob against the 200-character file name;
  // the scan must finish (inside the test's time-out, whatever the machine's load) and report the key.
  it('finishes and still reports the key', { timeout: 90_000 }, () => {
    repo = createTestRepo();
    mkdirSync(join(repo.root, '.github'));
    writeFileSync(join(repo.root, '.github/key-hygiene.yml'), "scan:\n  allow:\n    paths: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b']\n");
    writeFileSync(join(repo.root, `${'a'.repeat(200)}.txt`), `OPENAI_API_KEY=${makeKey('openai-project-key')}\n`);
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: repo.root, env: repo.env, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { detector: string }) => f.detector)).toEqual(['openai-project-key']);
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
});
