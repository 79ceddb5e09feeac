import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

/** Exit 2, one line on stderr naming the problem, never a stack trace. */
function expectOneLineError(run: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
}

describe('key-hygiene on bad input', () => {
  it('rejects an unknown option and an unknown command', () => {
    repo = createTestRepo();
    expectOneLineError(runCli(['scan', '--frobnicate'], { cwd: repo.root, env: repo.env }), /frobnicate/);
    expectOneLineError(runCli(['scna'], { cwd: repo.root, env: repo.env }), /unknown command 'scna'/);
    expectOneLineError(runCli(['scan', '--format', 'xml'], { cwd: repo.root, env: repo.env }), /--format 'xml'/);
  });

  it('names the field and the value of a bad config', () => {
    repo = createTestRepo();
    mkdirSync(join(repo.root, '.github'));
    writeFileSync(
      join(repo.root, '.github/key-hygiene.yml'),
      'keys:\n  - secret: OPENAI_API_KEY\n    rotate-every: soon\n',
    );
    expectOneLineError(runCli(['scan'], { cwd: repo.root, env: repo.env }), /keys\.0\.rotate-every' is "soon"/);
    writeFileSync(join(repo.root, '.github/key-hygiene.yml'), 'scna: {}\n');
    expectOneLineError(runCli(['scan'], { cwd: repo.root, env: repo.env }), /unknown field 'scna'/);
    writeFileSync(join(repo.root, '.github/key-hygiene.yml'), 'scan: [\n');
    expectOneLineError(runCli(['scan'], { cwd: repo.root, env: repo.env }), /not valid YAML/);
  });

  it('needs a git repository for git modes, and a valid range', () => {
    repo = createTestRepo({ init: false });
    expectOneLineError(runCli(['scan', '.', '--history'], { cwd: repo.root, env: repo.env }), /not a git repository/);
    repo.remove();
    repo = createTestRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('one');
    expectOneLineError(runCli(['scan', '.', '--range', 'nope..HEAD'], { cwd: repo.root, env: repo.env }), /nope/);
    expectOneLineError(runCli(['scan', '.', '--range', 'HEAD'], { cwd: repo.root, env: repo.env }), /not a range/);
    expectOneLineError(
      runCli(['scan', '.', '--range=--output=x..y'], { cwd: repo.root, env: repo.env }),
      /not a range/,
    );
  });

  it('reports a missing path and a bad baseline', () => {
    repo = createTestRepo();
    expectOneLineError(runCli(['scan', 'no/such/dir'], { cwd: repo.root, env: repo.env }), /no\/such\/dir/);
    writeFileSync(join(repo.root, 'baseline.json'), '{"findings": 3}');
    expectOneLineError(
      runCli(['scan', '.', '--baseline', 'baseline.json'], { cwd: repo.root, env: repo.env }),
      /baseline\.json/,
    );
    expectOneLineError(
      runCli(['scan', '.', '--baseline', 'missing.json'], { cwd: repo.root, env: repo.env }),
      /missing\.json/,
    );
  });
});
