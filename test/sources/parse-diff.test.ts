import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCommitMarker, type CommitInfo } from '../../src/sources/commit-marker.js';
import { createDiffParser, parseDiff } from '../../src/sources/parse-diff.js';
import type { Fragment } from '../../src/types.js';

const staged = readFileSync(new URL('./fixtures/staged.diff', import.meta.url), 'utf8');

const summary = (fragments: Fragment[]) =>
  fragments.map((f) => ({ path: f.path, text: f.text, lineNumbers: f.lineNumbers }));

const expectedStaged = [
  { path: 'config/app.txt', text: 'MARKER-ADDED-2', lineNumbers: [2] },
  { path: 'config/app.txt', text: 'MARKER-ADDED-11\nMARKER-ADDED-12', lineNumbers: [11, 12] },
  { path: 'new name.txt', text: 'MARKER-RENAMED-4', lineNumbers: [4] },
  { path: 'café\tmenu.txt', text: 'MARKER-QUOTED-1', lineNumbers: [1] },
  { path: 'tail.txt', text: 'MARKER-TAIL-3\nMARKER-TAIL-4', lineNumbers: [3, 4] },
  { path: 'tricky.txt', text: '++ b/still-content\ndiff --git a/x b/x', lineNumbers: [1, 2] },
];

function commit(n: number): CommitInfo {
  return {
    commit: String(n).repeat(40),
    author: `Author ${n}`,
    email: `a${n}@example.test`,
    date: `2024-01-0${n}T00:00:00Z`,
  };
}

function fileDiff(path: string, hunk: string, lines: string[]): string {
  return [
    `diff --git a/${path} b/${path}`,
    'index 1111111..2222222 100644',
    `--- a/${path}`,
    `+++ b/${path}`,
    hunk,
    ...lines,
  ].join('\n');
}

describe('parseDiff', () => {
  it('yields only the added lines of each hunk, with their new-file line numbers', () => {
    expect(summary(parseDiff(staged))).toEqual(expectedStaged);
  });

  it('skips binary, deleted, mode-only, pure-rename and submodule diffs', () => {
    const paths = parseDiff(staged).map((f) => f.path);
    for (const skipped of ['image.png', 'gone.txt', 'script.sh', 'pure-new.txt', 'vendor/lib'])
      expect(paths).not.toContain(skipped);
    expect(
      parseDiff(staged)
        .map((f) => f.text)
        .join('\n'),
    ).not.toMatch(/REMOVED|DELETED|TAIL-OLD|not-a-header|Subproject/);
  });

  it('gives startLine = the first line number, and no commit for staged diffs', () => {
    const [first, second] = parseDiff(staged);
    expect(first).toEqual({ path: 'config/app.txt', text: 'MARKER-ADDED-2', startLine: 2, lineNumbers: [2] });
    expect(second!.startLine).toBe(11);
  });

  it('gives the same fragments whatever the chunking', () => {
    for (const size of [1, 7, 64, 4096]) {
      const parser = createDiffParser();
      const out: Fragment[] = [];
      for (let i = 0; i < staged.length; i += size) out.push(...parser.write(staged.slice(i, i + size)));
      out.push(...parser.end());
      expect(summary(out)).toEqual(expectedStaged);
    }
  });

  it('takes lines without their newline through writeLine', () => {
    const parser = createDiffParser();
    const out = staged.split('\n').flatMap((line) => parser.writeLine(line));
    expect(summary([...out, ...parser.end()])).toEqual(expectedStaged);
  });

  it('attaches commit, author, e-mail and date from the marker lines, and counts commits', () => {
    const log = [
      formatCommitMarker(commit(3)),
      '',
      fileDiff('b.txt', '@@ -1 +1 @@', ['-MARKER-OLD', '+MARKER-THREE']),
      formatCommitMarker(commit(2)),
      '', // a merge: git log -p prints no diff for it
      formatCommitMarker(commit(1)),
      '',
      fileDiff('a.txt', '@@ -0,0 +1,2 @@', ['+MARKER-ONE-1', '+MARKER-ONE-2']),
      '',
    ].join('\n');
    const parser = createDiffParser();
    const fragments = [...parser.write(log), ...parser.end()];
    expect(parser.commits).toBe(3);
    expect(fragments).toEqual([
      { path: 'b.txt', text: 'MARKER-THREE', startLine: 1, lineNumbers: [1], ...commit(3) },
      { path: 'a.txt', text: 'MARKER-ONE-1\nMARKER-ONE-2', startLine: 1, lineNumbers: [1, 2], ...commit(1) },
    ]);
  });

  it('drops the CR of CRLF lines but keeps a CR inside a line', () => {
    const diff = fileDiff('win.txt', '@@ -0,0 +1,3 @@', ['+MARKER-CRLF-1\r', '+MARKER\rINNER\r', '+MARKER-LAST']);
    expect(parseDiff(diff)[0]!.text).toBe('MARKER-CRLF-1\nMARKER\rINNER\nMARKER-LAST');
  });

  it('reads a hunk header without counts, and a last line without a newline', () => {
    const diff = fileDiff('one.txt', '@@ -5 +5 @@', ['-MARKER-OLD', '+MARKER-NEW']);
    expect(parseDiff(diff)).toEqual([{ path: 'one.txt', text: 'MARKER-NEW', startLine: 5, lineNumbers: [5] }]);
  });

  it('splits runs of added lines at context lines (a merged hunk) and numbers across them', () => {
    const diff = fileDiff('ctx.txt', '@@ -1,3 +1,4 @@', [
      '-MARKER-OLD',
      '+MARKER-A',
      ' MARKER-CONTEXT',
      ' MARKER-CONTEXT',
      '+MARKER-B',
    ]);
    expect(summary(parseDiff(diff))).toEqual([
      { path: 'ctx.txt', text: 'MARKER-A', lineNumbers: [1] },
      { path: 'ctx.txt', text: 'MARKER-B', lineNumbers: [4] },
    ]);
  });

  it('splits a huge run of added lines into bounded fragments with continuous line numbers', () => {
    const line = `+${'x'.repeat(1023)}`;
    const count = 3000;
    const diff = fileDiff(
      'big.txt',
      `@@ -0,0 +1,${count} @@`,
      Array.from({ length: count }, () => line),
    );
    const fragments = parseDiff(diff);
    expect(fragments.length).toBeGreaterThan(1);
    // About 1 MiB of their own lines each, with their neighbours' lines around as context.
    expect(fragments.every((f) => f.text.length <= 1_200_000)).toBe(true);
    const ownLines = (f: Fragment) => {
      let offset = 0;
      return f.text.split('\n').flatMap((text, i) => {
        const own = offset >= (f.reportFrom ?? 0) && offset < (f.reportTo ?? f.text.length);
        offset += text.length + 1;
        return own ? [f.lineNumbers![i]!] : [];
      });
    };
    expect(fragments.flatMap(ownLines)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('ignores text before the first file header and unknown header lines', () => {
    expect(parseDiff('warning: something\n+MARKER-STRAY\n\n')).toEqual([]);
  });
});
