import { describe, expect, it } from 'vitest';
import { patchToFragments } from '../../src/sources/patch-to-fragments.js';

const summary = (path: string, patch: string) =>
  patchToFragments(path, patch).map((f) => ({ path: f.path, text: f.text, lineNumbers: f.lineNumbers }));

// `files[].patch` as the REST API prints it: hunks with three lines of context, no file header.
describe('patchToFragments', () => {
  it('yields the added lines of each hunk with their new-file line numbers, not context or removed lines', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' one',
      '-two',
      '+TWO',
      '+TWO-B',
      ' three',
      ' four',
      '@@ -20,3 +21,4 @@ function tail() {',
      ' a',
      ' b',
      '+ADDED-23',
      ' c',
    ].join('\n');
    expect(summary('src/app.ts', patch)).toEqual([
      { path: 'src/app.ts', text: 'TWO\nTWO-B', lineNumbers: [2, 3] },
      { path: 'src/app.ts', text: 'ADDED-23', lineNumbers: [23] },
    ]);
  });

  it('reads a new file, a missing final newline and CRLF lines', () => {
    const patch = ['@@ -0,0 +1,2 @@', '+first\r', '+second', '\\ No newline at end of file'].join('\n');
    expect(summary('new.env', patch)).toEqual([{ path: 'new.env', text: 'first\nsecond', lineNumbers: [1, 2] }]);
  });

  it('keeps a path with spaces, quotes and non-ASCII characters as given', () => {
    const path = 'docs/my "notes" café.md';
    expect(summary(path, '@@ -0,0 +1 @@\n+hello\n')).toEqual([{ path, text: 'hello', lineNumbers: [1] }]);
  });

  it('yields nothing for a patch that only removes lines, or an empty one', () => {
    expect(summary('gone.txt', '@@ -1,2 +0,0 @@\n-a\n-b')).toEqual([]);
    expect(summary('empty.txt', '')).toEqual([]);
  });

  it('does not take an added line that looks like a header for one', () => {
    const patch = ['@@ -0,0 +1,2 @@', '+++ b/other.txt', '+diff --git a/x b/x'].join('\n');
    expect(summary('tricky.txt', patch)).toEqual([
      { path: 'tricky.txt', text: '++ b/other.txt\ndiff --git a/x b/x', lineNumbers: [1, 2] },
    ]);
  });
});
