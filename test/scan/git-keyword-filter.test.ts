import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { runScan } from '../../src/scan/run-scan.js';
import { commitsSource } from '../../src/sources/commits-source.js';
import { historySource } from '../../src/sources/history-source.js';
import { rangeSource } from '../../src/sources/range-source.js';
import type { FragmentFilter, FragmentSource } from '../../src/sources/source.js';
import { stagedSource } from '../../src/sources/staged-source.js';
import { useTestRepos, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { seededRng } from '../support/seeded-rng.js';

const newRepo = useTestRepos();
const KINDS = ['openai-project-key', 'github-token', 'stripe-live-key', 'aws-access-key-id', 'slack-bot-token'];

/** The source as it was before it could skip: it never sees the filter, so it decodes and parses every hunk. */
function unfiltered(source: FragmentSource): FragmentSource {
  return { ...source, fragments: () => source.fragments() };
}

/** The source, counting the hunks it leaves out. */
function counted(source: FragmentSource): { source: FragmentSource; skipped: () => number } {
  let skipped = 0;
  return {
    source: {
      ...source,
      fragments: (filter?: FragmentFilter) =>
        source.fragments(
          filter && {
            mayHoldKey: filter.mayHoldKey,
            skipped(file, bytes) {
              skipped++;
              filter.skipped(file, bytes);
            },
          },
        ),
    },
    skipped: () => skipped,
  };
}

/** Filler text: code-like lines, non-ASCII too; now and then a word that wakes detectors but holds no key. */
function filler(rng: ReturnType<typeof seededRng>, lines: number): string {
  const words = ['const', 'value', 'return', 'x', 'função', '日本語', 'data', 'let', '=', '{', '}'];
  const woken = ['token', 'key', 'pass', 'secret'];
  return Array.from({ length: lines }, () =>
    Array.from({ length: rng.int(1, 12) }, () =>
      rng.int(0, 400) === 0 ? woken[rng.int(0, woken.length - 1)] : words[rng.int(0, words.length - 1)],
    ).join(' '),
  ).join('\n');
}

/** A history of many commits: keys seeded in new files, edits, renames, long lines, CRLF, non-ASCII, binaries. */
function buildHistory(repo: TestRepo): void {
  const rng = seededRng(42);
  const key = (i: number) => makeKey(KINDS[i % KINDS.length]!, 100 + i);
  repo.write('README.md', `${filler(rng, 50)}\n`);
  repo.commit('first');
  for (let i = 0; i < 30; i++) {
    const plain = `${filler(rng, rng.int(1, 40))}\n`;
    repo.write(`src/file-${i % 7}.ts`, plain);
    if (i % 3 === 0) repo.write(`keys/k${i}.env`, `${filler(rng, 5)}\nSECRET_${i}=${key(i)}\n${filler(rng, 3)}\n`);
    if (i % 4 === 1) repo.write(`docs/ünïcode ${i}.md`, `Ça coûte 5 € — 日本語 ${key(i)} fin\r\nnext line\r\n`);
    if (i % 5 === 2) repo.write(`quote"d\tname ${i}.txt`, `no newline at the end ${key(i)}`);
    if (i % 6 === 3) repo.write(`bin/blob${i}.bin`, Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(key(i))]));
    if (i % 7 === 4)
      repo.write(`min/bundle${i}.js`, `${'var a=1;'.repeat(12_000)}var k="${key(i)}";${'b();'.repeat(9_000)}\n`);
    if (i === 10) repo.write('renamed/.keep', '');
    if (i === 10) repo.git('mv', 'keys/k0.env', 'renamed/k0-moved.env');
    if (i === 12) repo.write('renamed/k0-moved.env', `${filler(rng, 5)}\nSECRET_0=${key(0)}\nMORE=${key(50)}\n`);
    if (i === 15) repo.git('rm', '-q', 'keys/k3.env');
    repo.commit(`commit ${i}\n\ndiff --git a/fake b/fake\n+++ b/fake\n@@ -0,0 +1 @@\n+${'token '}in a message`);
  }
  // A hunk too big to hold whole, with a key near its end; and a file whose only change is its mode.
  repo.write('big/generated.txt', `${filler(rng, 12_000)}\nTOKEN=${key(7)}\n`);
  repo.git('update-index', '--add', '--chmod=+x', 'README.md');
  repo.commit('big');
  const side = repo.git('rev-parse', 'HEAD');
  repo.git('checkout', '-q', '-b', 'side', `${side}~3`);
  repo.write('side/only.txt', `side branch ${key(3)}\n`);
  repo.commit('side');
  repo.git('checkout', '-q', 'main');
  repo.git('merge', '-q', '--no-edit', 'side');
}

async function compare(make: () => FragmentSource, config: Config = defaultConfig) {
  const before = await runScan({ source: unfiltered(make()), config });
  const spy = counted(make());
  const after = await runScan({ source: spy.source, config });
  expect(after.findings).toEqual(before.findings);
  expect({ ...after.stats, durationMs: 0, bytes: 0 }).toEqual({ ...before.stats, durationMs: 0, bytes: 0 });
  // Skipped text is counted as git printed it (UTF-8 bytes, CRs kept) rather than as decoded characters.
  expect(after.stats.bytes).toBeGreaterThanOrEqual(before.stats.bytes);
  expect(after.stats.bytes).toBeLessThan(before.stats.bytes * 1.05 + 100);
  return { before, skipped: spy.skipped() };
}

describe('git sources with the keyword filter: the same findings as reading every hunk', () => {
  it('history: same findings, lines, columns, commits and authors, and most hunks never decoded', async () => {
    const repo = newRepo();
    buildHistory(repo);
    const { before, skipped } = await compare(() => historySource(repo.root, repo.runner));
    expect(before.findings.length).toBeGreaterThan(20);
    expect(new Set(before.findings.map((f) => f.commit)).size).toBeGreaterThan(10);
    expect(before.findings.some((f) => f.path.startsWith('docs/ünïcode') && f.column > 10)).toBe(true);
    expect(before.findings.some((f) => f.path === 'renamed/k0-moved.env')).toBe(true);
    expect(before.findings.some((f) => f.path === 'big/generated.txt')).toBe(true);
    expect(skipped).toBeGreaterThan(10);
  });

  it('a range, a push (commits) and staged changes: same findings too', async () => {
    const repo = newRepo();
    buildHistory(repo);
    const head = repo.git('rev-parse', 'HEAD');
    const base = repo.git('rev-parse', 'HEAD~12');
    const range = await compare(() => rangeSource(repo.root, `${base}..${head}`, repo.runner));
    expect(range.before.findings.length).toBeGreaterThan(3);
    const push = await compare(() => commitsSource(repo.root, { include: [head], exclude: [base] }, repo.runner));
    expect(push.before.findings).toEqual(range.before.findings);
    repo.write('staged.env', `A=${makeKey('github-token', 9)}\n${filler(seededRng(1), 20)}\n`);
    repo.git('add', '--all');
    const staged = await compare(() => stagedSource(repo.root, repo.runner));
    expect(staged.before.findings).toHaveLength(1);
  });

  it('a config whose detector has no keyword reads every hunk, as it must', async () => {
    const repo = newRepo();
    buildHistory(repo);
    const config: Config = {
      ...defaultConfig,
      scan: {
        ...defaultConfig.scan,
        detectors: [
          {
            id: 'custom-everywhere',
            'key-kind': 'Internal key',
            severity: 'high',
            remediation: 'Rotate it.',
            keywords: [],
            pattern: 'INTERNAL-(?P<secret>[0-9]{6})',
          } as Config['scan']['detectors'][number],
        ],
      },
    };
    repo.write('plain.txt', 'nothing to see INTERNAL-739154 here\n');
    repo.commit('internal');
    const { before, skipped } = await compare(() => historySource(repo.root, repo.runner), config);
    expect(before.findings.some((f) => f.detector === 'custom-everywhere')).toBe(true);
    expect(skipped).toBe(0);
  });
});
