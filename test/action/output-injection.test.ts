import { describe, expect, it } from 'vitest';
import { checkoutWorkspace, createOrigin } from '../support/checkout.js';
import { useTestRepos } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { examplePayload, expectKeyHidden, pushPayload, ZERO } from './scan/support.js';

const newRepo = useTestRepos();

// File names a push can carry (git allows any byte but NUL and `/`): each would start a workflow
// command of its own if printed raw (https://github.com/actions/runner, ActionCommandManager.cs).
const STOP = 'a\n::stop-commands::tok\n.bin';
const FORGE = 'b\n::error file=README.md::pwned\n.bin';
const LEGACY = 'c ##[error]legacy ##[stop-commands]tok2.bin';
const CR = 'd\r::warning::cr.bin';
const TERMINAL = 'e\u001b[2J\u001b]0;title\u0007\u202e.bin';
const BINARY = Buffer.from([0, 1, 2, 3]);

/**
 * The lines the runner would take for commands: `::` after leading white space (.NET TrimStart), on
 * lines split at `\n`, `\r` or both (StreamReader.ReadLine), and `##[` anywhere (the legacy syntax).
 */
function commandLines(run: ActionRun): string[] {
  return run.stdout.split(/\r\n|\r|\n/).filter((line) => /^\s*::/u.test(line) || line.includes('##['));
}

/** Only the commands the Action means: masks, outputs, the findings' annotations, the failure. */
function expectOnlyOurCommands(run: ActionRun, files: string[]): void {
  for (const line of commandLines(run)) {
    expect(line, 'a command from input').toMatch(/^::(add-mask|error|warning|notice)( [^:]*)?::/);
    expect(line).not.toContain('##[');
  }
  for (const a of run.annotations) {
    if (a.properties.file !== undefined) expect(files).toContain(a.properties.file);
    expect(a.message).not.toMatch(/pwned|legacy/);
  }
}

describe('mode: scan prints what it read from a repository, never a workflow command', () => {
  it('a tree scan: hostile file names in skipped-file notices and in findings stay on their line, escaped', () => {
    const dev = newRepo();
    const origin = createOrigin(dev);
    const key = makeKey('openai-project-key', 31);
    const other = makeKey('openai-project-key', 32);
    const keyFile = 'k\n::stop-commands::tok3\n.env';
    dev.write('README.md', '# app\n');
    dev.write('config/app.env', `OPENAI_API_KEY=${key}\n`);
    dev.write(keyFile, `OPENAI_API_KEY=${other}\n`);
    for (const name of [STOP, FORGE, LEGACY, CR, TERMINAL]) dev.write(name, BINARY);
    const main = dev.commit('hostile names');
    dev.git('push', '--quiet', 'origin', 'main');
    const workspace = checkoutWorkspace(dev, origin, { sha: main, branch: 'main' });

    const run = runAction({ workspace, eventName: 'schedule', payload: { schedule: '17 3 * * *' }, sha: main });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expectOnlyOurCommands(run, ['config/app.env', keyFile]);
    // Both keys are still annotated, on their real files, after every hostile name was printed.
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.file);
    expect(errors.map((a) => a.properties.file).sort()).toEqual(['config/app.env', keyFile].sort());
    expect(run.stdout.indexOf('file=config/app.env')).toBeGreaterThan(
      run.stdout.indexOf('a\\n::stop-commands::tok\\n.bin'),
    );
    // The log shows each name escaped, on one line.
    expect(run.stdout).toContain('a\\n::stop-commands::tok\\n.bin');
    expect(run.stdout).toContain('b\\n::error file=README.md::pwned\\n.bin');
    expect(run.stdout).toContain('d\\r::warning::cr.bin');
    expect(run.stdout).toContain('e\\x1b[2J\\x1b]0;title\\x07\\u202e.bin');
    for (const c of ['\u001b', '\u0007', '\u202e']) expect(run.stdout).not.toContain(c);
    // The summary too: the notice paths as the finding paths, on their own line, control characters shown.
    expect(run.summary).toContain('a\\\\n::stop-commands::tok\\\\n.bin');
    expect(run.summary).toContain('b\\\\n::error file=README.md::pwned\\\\n.bin');
    expect(run.summary).toContain('k\\\\n::stop-commands::tok3\\\\n.env');
    for (const c of ['\n::', '\r', '\u001b', '\u0007', '\u202e']) expect(run.summary).not.toContain(c);
    expectKeyHidden(run, workspace, key);
  });

  it('a push to a branch whose name holds what git allows (`<!--`, `|`, backticks, bidi overrides): escaped in the log and the summary', () => {
    const dev = newRepo();
    const origin = createOrigin(dev);
    dev.write('README.md', '# app\n');
    dev.commit('initial');
    dev.git('push', '--quiet', 'origin', 'main');
    const branch = 'x/<!--a|b`c##\u202e\u0085';
    dev.git('checkout', '--quiet', '-b', branch);
    const key = makeKey('openai-project-key', 33);
    dev.write('app.env', `OPENAI_API_KEY=${key}\n`);
    const after = dev.commit('leak on an oddly named branch');
    dev.git('push', '--quiet', 'origin', branch);
    const workspace = checkoutWorkspace(dev, origin, { sha: after, branch });

    const payload = pushPayload({ ref: `refs/heads/${branch}`, before: ZERO, after, created: true });
    const run = runAction({ workspace, eventName: 'push', payload, sha: after, ref: payload.ref });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expectOnlyOurCommands(run, ['app.env']);
    expect(run.stdout).toContain('new branch x/<!--a|b`c##\\u202e\\x85 at');
    expect(run.stdout).not.toMatch(/[\u202e\u0085]/u);
    expect(run.summary).toContain('new branch x/&lt;\\!--a\\|b\\`c\\#\\#\\\\u202e\\\\x85 at');
    expect(run.summary).not.toContain('<!--');
  });

  it('a ref in the payload that holds a newline and a command is printed on one line', () => {
    const dev = newRepo();
    dev.write('README.md', '# app\n');
    const sha = dev.commit('initial');
    const ref = 'refs/heads/x\n::stop-commands::tok\n::error file=README.md::pwned';
    const payload = pushPayload({ ref, before: sha, after: ZERO, deleted: true });

    const run = runAction({ workspace: dev.root, eventName: 'push', payload, sha, ref: 'refs/heads/x' });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expectOnlyOurCommands(run, []);
    expect(run.annotations).toEqual([]);
    expect(run.stdout).toContain(
      'push deleted refs/heads/x\\n::stop-commands::tok\\n::error file=README.md::pwned: nothing to scan',
    );
  });

  it('an error that quotes input fails the step in one line, control characters shown', () => {
    const dev = newRepo();
    dev.write('README.md', '# app\n');
    const sha = dev.commit('initial');

    const run = runAction({
      workspace: dev.root,
      eventName: 'push',
      payload: examplePayload('push'),
      sha,
      inputs: { mode: 'scan\u001b[8m hidden' },
    });

    expect(run.code).toBe(1);
    expectOnlyOurCommands(run, []);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]!.message).toContain("input 'mode' is 'scan\\x1b[8m hidden'");
    expect(run.stdout).not.toContain('\u001b');
  });
});
