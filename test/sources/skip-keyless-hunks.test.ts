import { describe, expect, it } from 'vitest';
import { createHunkSkipper, MAX_HELD_HUNK } from '../../src/sources/skip-keyless-hunks.js';
import { seededRng } from '../support/seeded-rng.js';

const marker = (sha: string) => `\x1ekh-commit\x1f${sha}\x1fA\x1fa@example.test\x1f2024-01-01T00:00:00Z\n`;

/** Runs the skipper over `text` in chunks of the given sizes (cycled); returns what it passed on and what it skipped. */
function run(text: string | Buffer, sizes: number[], keyword = 'token') {
  const input = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const passed: Buffer[] = [];
  const order: string[] = [];
  const skipped: { hunk: string; addedFrom: number }[] = [];
  const skipper = createHunkSkipper(
    (bytes) => Buffer.from(bytes).toString('latin1').toLowerCase().includes(keyword),
    (bytes) => {
      passed.push(Buffer.from(bytes));
      order.push(Buffer.from(bytes).toString('latin1'));
    },
    (hunk, addedFrom) => {
      skipped.push({ hunk: hunk.toString('latin1'), addedFrom });
      order.push(hunk.toString('latin1'));
    },
  );
  for (let at = 0, i = 0; at < input.length; i++) {
    const size = sizes[i % sizes.length]!;
    skipper.write(input.subarray(at, at + size));
    at += size;
  }
  skipper.end();
  return { passed: Buffer.concat(passed).toString('latin1'), whole: order.join(''), skipped };
}

const LOG =
  marker('a'.repeat(40)) +
  '\n' +
  'diff --git a/token.txt b/token.txt\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/token.txt\n' +
  '@@ -0,0 +1,2 @@\n+plain line\n+another\n' +
  'diff --git a/b.txt b/b.txt\nindex 1111111..2222222 100644\n--- a/b.txt\n+++ b/b.txt\n' +
  '@@ -1,2 +1 @@ function token()\n-a TOKEN removed\n-x\n+kept\n' +
  '@@ -9 +8,2 @@\n-old\n+my_token = 1\n+\\ not a marker\n\\ No newline at end of file\n' +
  '@@ -20,0 +21 @@\n++++ b/not-a-header token\n' +
  marker('b'.repeat(40)) +
  '\n' +
  'diff --git a/c.txt b/c.txt\n--- a/c.txt\n+++ b/c.txt\n@@ -3 +2,0 @@\n-gone token\n';

describe('createHunkSkipper', () => {
  it('passes headers and hunks whose added lines hold a keyword, and skips the others whole', () => {
    const { passed, skipped } = run(LOG, [1 << 16]);
    expect(skipped.map((s) => s.hunk.split('\n')[0])).toEqual([
      '@@ -0,0 +1,2 @@',
      '@@ -1,2 +1 @@ function token()',
      '@@ -3 +2,0 @@',
    ]);
    // Only added lines count: a keyword in the header's function name, a path or a removed line does not.
    expect(skipped.map((s) => s.addedFrom)).toEqual([16, 51, -1]);
    expect(skipped.filter((s) => s.addedFrom >= 0).map((s) => s.hunk.slice(s.addedFrom))).toEqual([
      '+plain line\n+another\n',
      '+kept\n',
    ]);
    expect(passed).toContain('+my_token = 1\n+\\ not a marker\n\\ No newline at end of file\n');
    expect(passed).toContain('++++ b/not-a-header token\n');
    expect(passed).toContain('diff --git a/token.txt b/token.txt\n');
    expect(passed.split('\x1ekh-commit')).toHaveLength(3);
  });

  it('cuts the same segments whatever the chunks git writes in (a boundary split anywhere)', () => {
    const whole = run(LOG, [1 << 16]);
    for (const sizes of [[1], [2], [3], [5], [7, 1, 13], [6]]) {
      const chunked = run(LOG, sizes);
      expect(chunked.whole).toBe(LOG);
      expect(chunked.passed).toBe(whole.passed);
      expect(chunked.skipped).toEqual(whole.skipped);
    }
  });

  it('passes a hunk too big to hold on as it comes, and keeps cutting after it', () => {
    const big = `+${'x'.repeat(99)}\n`.repeat(Math.ceil((MAX_HELD_HUNK * 3) / 100));
    const log = `${LOG}diff --git a/big b/big\n--- a/big\n+++ b/big\n@@ -0,0 +1,${big.length / 101} @@\n${big}${LOG}`;
    for (const sizes of [[65536], [4093, 1]]) {
      const { whole, passed, skipped } = run(log, sizes);
      expect(whole).toBe(log);
      expect(passed).toContain(big); // no keyword, but too big to judge whole: read as before
      expect(skipped).toHaveLength(6);
    }
  });

  it('passes a line of many megabytes with no newline without holding it, and random bytes reassemble', () => {
    const rng = seededRng(7);
    const noise = Buffer.from(Array.from({ length: 300_000 }, () => rng.int(0, 255)));
    const log = Buffer.concat([Buffer.from('@@ -0,0 +1 @@\n+'), noise, Buffer.from('\n@@ -1 +1 @@\n-a\n+b\n')]);
    const { whole } = run(log, [65536, 17]);
    expect(Buffer.from(whole, 'latin1').equals(log)).toBe(true);
  });
});
