import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';
import { seededRng } from '../support/seeded-rng.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

const cli = (...args: string[]) => runCli(args, { cwd: repo.root, env: repo.env });

const ESC = '\u001b';
// What a file name, an author or a config can hold to take over a terminal: clear the screen, set
// the title, a hyperlink, hide the rest (SGR 8), the one-character CSI, a bidi override.
const CLEAR = `${ESC}[2J`;
const TITLE = `${ESC}]0;pwned\u0007`;
const LINK = `${ESC}]8;;https:evil.test${ESC}\\click${ESC}]8;;${ESC}\\`;
const HIDE = `${ESC}[8m`;
const CSI = '\u009b2J';
const RLO = '\u202e';

/** The escape codes our own colours are made of (styleText: bold, dim, red, yellow, cyan, magenta, gray). */
const OUR_COLOURS = new RegExp(`${ESC}\\[(1|2|22|31|33|35|36|39|90)m`, 'g');

/** No raw control character reaches the terminal but our colour codes (when colour is on). */
function expectNoRawControls(text: string, colour: boolean): void {
  const rest = colour ? text.replace(OUR_COLOURS, '') : text;
  for (const c of [ESC, '\u0007', '\u009b', RLO, '\r'])
    expect(rest.includes(c), `raw ${JSON.stringify(c)} in ${JSON.stringify(text)}`).toBe(false);
}

describe('key-hygiene shows control characters from input written out, never raw', () => {
  it('a file name with terminal sequences: the finding is shown, the name escaped, with or without colour', () => {
    repo = createTestRepo();
    const key = makeKey('openai-project-key', 41);
    const name = `evil${CLEAR}${TITLE}${LINK}${CSI}${RLO}${HIDE}.txt`;
    repo.write('.gitignore', '.env*\n');
    repo.write(name, `OPENAI_API_KEY=${key}\n`);
    repo.write(`skip${HIDE}${CSI}.bin`, Buffer.from([0, 1, 2]));

    for (const colour of [false, true]) {
      const run = cli('scan', '.', '--no-config', ...(colour ? ['--color'] : []));
      expect(run.code, run.stderr).toBe(1);
      expectNoRawControls(run.stdout, colour);
      const plain = run.stdout.replace(OUR_COLOURS, '');
      expect(plain).toContain(
        'evil\\x1b[2J\\x1b]0;pwned\\x07\\x1b]8;;https:evil.test\\x1b\\click\\x1b]8;;\\x1b\\\\x9b2J\\u202e\\x1b[8m.txt',
      );
      expect(plain).toContain(`sk-proj-…${key.slice(-4)}`);
      expect(plain).toContain('skip\\x1b[8m\\x9b2J.bin');
      expect(plain).toMatch(/1 finding in 1 file/);
      expect(plain).not.toContain('No keys found');
      if (colour) expect(run.stdout).toMatch(OUR_COLOURS);
    }
  });

  it('a commit author with terminal sequences, in a history scan', () => {
    repo = createTestRepo();
    repo.write('a.env', `OPENAI_API_KEY=${makeKey('openai-project-key', 42)}\n`);
    repo.git('add', 'a.env');
    const env = { ...repo.env, GIT_AUTHOR_NAME: `Eve${HIDE}${CLEAR}`, GIT_AUTHOR_EMAIL: `eve${CSI}@example.test` };
    execFileSync('git', ['commit', '--quiet', '-m', `leak${CLEAR}`], { cwd: repo.root, env });

    const run = cli('scan', '.', '--history', '--no-config', '--color');

    expect(run.code, run.stderr).toBe(1);
    expectNoRawControls(run.stdout, true);
    expect(run.stdout.replace(OUR_COLOURS, '')).toContain('by Eve\\x1b[8m\\x1b[2J <eve\\x9b2J@example.test>');
  });

  it('a custom detector whose key kind and remediation hold terminal sequences: report and detector list', () => {
    repo = createTestRepo();
    const token = `acme_${seededRng(43).string('abcdefghijklmnopqrstuvwxyz0123456789', 24)}`;
    repo.write(
      '.github/key-hygiene.yml',
      [
        'scan:',
        '  detectors:',
        '    - id: acme-token',
        `      key-kind: "Acme\\e[8m token"`,
        "      pattern: 'acme_(?<secret>[a-z0-9]{24})'",
        "      keywords: ['acme_']",
        `      remediation: "Revoke it\\e]0;pwned\\a now"`,
        '',
      ].join('\n'),
    );
    repo.write('app.txt', `token = ${token}\n`);

    const run = cli('scan', '.');
    expect(run.code, run.stderr).toBe(1);
    expectNoRawControls(run.stdout, false);
    expect(run.stdout).toContain('Acme\\x1b[8m token');
    expect(run.stdout).toContain('Revoke it\\x1b]0;pwned\\x07 now');

    const list = cli('detectors');
    expect(list.code, list.stderr).toBe(0);
    expectNoRawControls(list.stdout, false);
    expect(list.stdout).toContain('Acme\\x1b[8m token');
  });

  it('a one-line error that quotes input (a path) shows it escaped on stderr', () => {
    repo = createTestRepo();
    const run = cli('scan', `nope${CLEAR}\nsecond line${HIDE}`);
    expect(run.code).toBe(2);
    expectNoRawControls(run.stderr, false);
    expect(run.stderr).toBe(
      "key-hygiene: path 'nope\\x1b[2J\\nsecond line\\x1b[8m' does not exist\nRun 'key-hygiene --help' for usage.\n",
    );
  });
});
