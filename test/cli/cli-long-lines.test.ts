import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { MIB, filler, keyAtByte } from '../scan/long-line-text.js';

const BIN = fileURLToPath(new URL('../../bin/key-hygiene.js', import.meta.url));
const WORKER = fileURLToPath(new URL('../../lib/scan/scan-worker.js', import.meta.url));

let repo: TestRepo;
afterEach(() => repo?.remove());

interface JsonFinding {
  detector: string;
  path: string;
  line: number;
  column: number;
  redacted: string;
  fingerprint: string;
}

/**
 * Runs the built CLI as a user would; `countWorkers` preloads a module that counts the scan's
 * worker threads as they start, so a test can tell the threaded path ran.
 */
function scanJson(
  args: string[],
  countWorkers = false,
  nodeArgs: string[] = [],
): { findings: JsonFinding[]; workers: number; code: number | null } {
  const preload = join(repo.root, '..', 'count-workers.mjs');
  writeFileSync(
    preload,
    "import { createRequire, syncBuiltinESMExports } from 'node:module';\n" +
      "const threads = createRequire(import.meta.url)('node:worker_threads');\n" +
      'const Worker = threads.Worker;\n' +
      "threads.Worker = class extends Worker { constructor(...a) { super(...a); process.stderr.write('worker started\\n'); } };\n" +
      'syncBuiltinESMExports();\n',
  );
  const run = spawnSync(
    process.execPath,
    [...nodeArgs, ...(countWorkers ? ['--import', preload] : []), BIN, 'scan', '.', '--format', 'json', ...args],
    {
      cwd: repo.root,
      env: { ...repo.env, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * MIB,
    },
  );
  const workers = run.stderr.split('\n').filter((l) => l === 'worker started').length;
  return { findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings, workers, code: run.status };
}

const key = makeKey('openai-project-key', 31);
const token = makeKey('github-token', 32);
const pem = makeKey('privatekey-pem', 33);

/** Files whose keys sit across and around the 1 MiB and 2 MiB boundaries of the tree scan's reads. */
function writeLongFiles(): Array<{ path: string; line: number; column: number; redacted: string }> {
  // The key of the report this regression comes from: byte 1,048,496 of a minified bundle.
  const a = keyAtByte(key, 1_048_496, 1.5 * MIB);
  repo.write('dist/bundle.min.js', a.text);
  const b = keyAtByte(token, 2 * MIB, 2 * MIB + 4096);
  repo.write('dist/vendor.min.js', b.text);
  const c = keyAtByte(token, 3 * MIB - 20, 3 * MIB + 4096, 'é'.repeat(200_000));
  repo.write('dist/intl.min.js', c.text);
  const line = `${filler(79)}\n`;
  const lead = Math.floor((MIB - 40) / line.length);
  repo.write('certs/bundle.pem.txt', `${line.repeat(lead)}${pem}\n${line.repeat(20_000)}`);
  return [
    { path: 'certs/bundle.pem.txt', line: lead + 1, column: 1, redacted: '-----BEGIN RSA PRIVATE KEY-----' },
    { path: 'dist/bundle.min.js', line: 1, column: a.column, redacted: key.slice(-4) },
    { path: 'dist/intl.min.js', line: 1, column: c.column, redacted: token.slice(-4) },
    { path: 'dist/vendor.min.js', line: 1, column: b.column, redacted: token.slice(-4) },
  ];
}

const placed = (findings: JsonFinding[]) =>
  findings
    .map((f) => ({ path: f.path, line: f.line, column: f.column, redacted: f.redacted }))
    .sort((x, y) => x.path.localeCompare(y.path));
const expected = (files: ReturnType<typeof writeLongFiles>) =>
  files.map((f) => ({ ...f, redacted: expect.stringContaining(f.redacted) }));

describe('key-hygiene scan of long lines', () => {
  it('finds keys across the read boundaries of a tree scan, at their true lines and columns', () => {
    repo = createTestRepo();
    const files = writeLongFiles();
    const run = scanJson(['--workers', '1']);
    expect(run.code).toBe(1);
    expect(placed(run.findings)).toEqual(expected(files));
  });

  it('finds the same keys when worker threads scan the files', () => {
    expect(existsSync(WORKER)).toBe(true); // the CLI runs lib/: `npm run build` first
    repo = createTestRepo();
    const files = writeLongFiles();
    // The threaded path needs a few hundred files; it is what a real repository gets.
    for (let i = 0; i < 260; i++) repo.write(`src/module-${i}.js`, `export const n${i} = ${i};\n`);
    const run = scanJson(['--workers', '2'], true);
    expect(run.workers).toBeGreaterThanOrEqual(2);
    expect(placed(run.findings)).toEqual(expected(files));
  });

  it('finds them in what is staged, and in history, at the same lines and columns, as the same keys', () => {
    repo = createTestRepo();
    repo.write('README.md', 'hi\n');
    repo.commit('init');
    const files = writeLongFiles();
    // A key cut short at a split would be another key to a baseline: fingerprints must match the tree's.
    const fingerprints = (findings: JsonFinding[]) => findings.map((f) => `${f.path} ${f.fingerprint}`).sort();
    const tree = fingerprints(scanJson(['--workers', '1']).findings);
    repo.git('add', '--all');
    const staged = scanJson(['--staged']).findings;
    expect(placed(staged)).toEqual(expected(files));
    expect(fingerprints(staged)).toEqual(tree);
    repo.commit('add bundles');
    const history = scanJson(['--history']).findings;
    expect(placed(history)).toEqual(expected(files));
    expect(fingerprints(history)).toEqual(tree);
  });

  it('reads a history holding a 40 MB one-line file in a heap smaller than the line', () => {
    repo = createTestRepo();
    const { text, column } = keyAtByte(token, 39 * MIB, 40 * MIB);
    repo.write('dist/huge.min.js', text);
    repo.commit('a huge bundle');
    // The line is taken in pieces as git prints it; held whole, it would not fit a 32 MB heap.
    const run = scanJson(['--history'], false, ['--max-old-space-size=32']);
    expect(placed(run.findings)).toEqual([
      { path: 'dist/huge.min.js', line: 1, column, redacted: expect.stringContaining(token.slice(-4)) },
    ]);
  });
});
