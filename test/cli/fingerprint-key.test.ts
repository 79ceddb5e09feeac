import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

// What a committed baseline gives away. Unkeyed, its fingerprints are HMACs under a constant the
// source publishes: a password from a word list is found in a moment. Keyed with
// KEY_HYGIENE_FINGERPRINT_KEY, the same search finds nothing.

let repo: TestRepo;
afterEach(() => repo?.remove());

const KEY_A = 'a'.repeat(8) + '0f3c9b2e71d84a56';
const KEY_B = 'b'.repeat(8) + '0f3c9b2e71d84a56';
// Built here, not written whole: the repository must scan itself clean.
const PASSWORD = ['Win', 'ter', '2024', 'x'].join('');
const URL_LINE = `DATABASE_URL=postgres://app:${PASSWORD}@db.internal:5432/app\n`;

const cli = (env: Record<string, string>, ...args: string[]) =>
  runCli(args, { cwd: repo.root, env: { ...repo.env, ...env } });

/** What anyone can do with a baseline and this repository's source: hash guesses under the published constant. */
function wordListSearch(baseline: { findings: { fingerprint: string; detector: string }[] }): string | undefined {
  const words = ['Spring', 'Summer', 'Autumn', 'Winter', 'Password', 'Welcome', 'Company'];
  const guesses = words.flatMap((w) =>
    Array.from({ length: 40 }, (_, i) => String(1990 + i)).flatMap((y) =>
      ['', '!', 'x', '1'].map((s) => `${w}${y}${s}`),
    ),
  );
  for (const f of baseline.findings) {
    for (const guess of guesses) {
      if (
        createHmac('sha256', 'key-hygiene/fingerprint/v1')
          .update(f.detector)
          .update('\0')
          .update(guess)
          .digest('hex') === f.fingerprint
      )
        return guess;
    }
  }
  return undefined;
}

function repoWithPassword(): void {
  repo = createTestRepo();
  repo.write('.gitignore', '.env*\n');
  repo.write('deploy/config.ini', URL_LINE);
  repo.commit('config');
}

/** Exit 2 and one line on stderr, no stack. */
function expectOneLine(run: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

describe('fingerprint keys', () => {
  it('an unkeyed baseline gives a password up to a word list; a keyed one does not', () => {
    repoWithPassword();
    const unkeyed = cli({}, 'baseline', '.');
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.stderr).toMatch(
      /unkeyed: .*a password can be found from them with a word list\. Set KEY_HYGIENE_FINGERPRINT_KEY/,
    );
    const plain = JSON.parse(unkeyed.stdout);
    expect(plain).toMatchObject({
      version: 1,
      fingerprints: 'unkeyed',
      findings: [{ detector: 'generic-url-password', path: 'deploy/config.ini' }],
    });
    expect(wordListSearch(plain)).toBe(PASSWORD);

    const keyed = cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_A }, 'baseline', '.');
    expect(keyed.code).toBe(0);
    expect(keyed.stderr).toBe('');
    const secret = JSON.parse(keyed.stdout);
    expect(secret).toMatchObject({
      version: 1,
      fingerprints: 'keyed',
      keyCheck: expect.stringMatching(/^[0-9a-f]{16}$/),
      findings: [{ detector: 'generic-url-password' }],
    });
    expect(wordListSearch(secret)).toBeUndefined();
    expect(keyed.stdout).not.toContain(KEY_A);
  });

  it('a keyed baseline accepts its findings under the same key, and reports a new one', () => {
    repoWithPassword();
    repo.write('baseline.json', cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_A }, 'baseline', '.').stdout);
    expect(cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_A }, 'scan', '.', '--baseline', 'baseline.json').code).toBe(0);
    repo.write('src/ai.ts', `export const key = "${makeKey('openai-project-key', 31)}";\n`);
    const run = cli(
      { KEY_HYGIENE_FINGERPRINT_KEY: KEY_A },
      'scan',
      '.',
      '--baseline',
      'baseline.json',
      '--format',
      'json',
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['src/ai.ts']);
  });

  it('a baseline read under another key, or under none, is one line and exit 2 — never "everything is new"', () => {
    repoWithPassword();
    repo.write('keyed.json', cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_A }, 'baseline', '.').stdout);
    repo.write('unkeyed.json', cli({}, 'baseline', '.').stdout);
    expectOneLine(
      cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_B }, 'scan', '.', '--baseline', 'keyed.json'),
      /^key-hygiene: keyed\.json was made with another fingerprint key \(key check [0-9a-f]{16}, this key's [0-9a-f]{16}\)/,
    );
    expectOneLine(
      cli({}, 'scan', '.', '--baseline', 'keyed.json'),
      /^key-hygiene: keyed\.json was made with a fingerprint key, but this scan has none/,
    );
    expectOneLine(
      cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_A }, 'scan', '.', '--baseline', 'unkeyed.json'),
      /^key-hygiene: unkeyed\.json was made without a fingerprint key, but this scan has one/,
    );
    for (const name of ['keyed.json', 'unkeyed.json'])
      expect(cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_B }, 'scan', '.', '--baseline', name).stderr).not.toContain(KEY_B);
  });

  it('still reads a baseline from before keys (no "fingerprints" field) as unkeyed', () => {
    repoWithPassword();
    const made = JSON.parse(cli({}, 'baseline', '.').stdout);
    repo.write('old.json', JSON.stringify({ version: 1, findings: made.findings }));
    expect(cli({}, 'scan', '.', '--baseline', 'old.json').code).toBe(0);
    expectOneLine(
      cli({ KEY_HYGIENE_FINGERPRINT_KEY: KEY_A }, 'scan', '.', '--baseline', 'old.json'),
      /old\.json was made without a fingerprint key/,
    );
  });

  it('refuses a key too short to hide a password, without quoting it', () => {
    repoWithPassword();
    const run = cli({ KEY_HYGIENE_FINGERPRINT_KEY: 'hunter2' }, 'scan', '.');
    expectOneLine(run, /KEY_HYGIENE_FINGERPRINT_KEY holds 7 characters: use at least 16 random ones/);
    expect(run.stderr).not.toContain('hunter2');
  });
});
