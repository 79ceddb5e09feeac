import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readChunksSync, type PieceContext } from '../../src/sources/read-chunks.js';
import type { Fragment } from '../../src/types.js';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { seededRng } from '../support/seeded-rng.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

/**
 * Checks what every cut must keep: each piece's text is the file's text at the line and column it
 * claims, its own parts follow one another and make the whole file, and it carries at least
 * `context` characters around its own part (less only at the file's ends).
 */
function expectFaithfulPieces(whole: string, pieces: Fragment[], context: PieceContext): void {
  const lineStarts = [0];
  for (let i = whole.indexOf('\n'); i !== -1; i = whole.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let owned = 0;
  for (const piece of pieces) {
    const at = lineStarts[piece.startLine - 1]! + (piece.startColumn ?? 0);
    expect(whole.slice(at, at + piece.text.length)).toBe(piece.text);
    const from = piece.reportFrom ?? 0;
    const to = piece.reportTo ?? piece.text.length;
    expect(at + from).toBe(owned);
    expect(from).toBeGreaterThanOrEqual(Math.min(context.before, at + from));
    expect(piece.text.length - to).toBeGreaterThanOrEqual(Math.min(context.after, whole.length - (at + to)));
    owned = at + to;
  }
  expect(owned).toBe(whole.length);
}

function read(name: string, content: string | Buffer, chunkBytes: number, context: PieceContext): Fragment[] {
  writeFileSync(join(repo.root, name), content);
  return [...readChunksSync(repo.root, name, 1e9, chunkBytes, context)] as Fragment[];
}

describe('readChunksSync', () => {
  it('cuts a large file of many lines into pieces placed at their true lines and columns', () => {
    repo = createTestRepo({ init: false });
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i + 1} ${'x'.repeat(i % 50)}`);
    const context = { before: 100, after: 300 };
    const pieces = read('big.txt', `\uFEFF${lines.join('\r\n')}`, 4096, context);
    expect(pieces.length).toBeGreaterThan(10);
    expectFaithfulPieces(lines.join('\r\n'), pieces, context);
  });

  it('cuts a line longer than a chunk, and each piece knows its column in the line', () => {
    repo = createTestRepo({ init: false });
    const context = { before: 100, after: 300 };
    const pieces = read('min.js', 'a'.repeat(10_000), 4096, context);
    expect(pieces.map((p) => [p.startColumn ?? 0, p.reportFrom ?? 0, p.reportTo ?? p.text.length])).toEqual([
      [0, 0, 4096],
      [3996, 100, 4196],
      [8092, 100, 1908],
    ]);
    expect(pieces.every((p) => p.startLine === 1)).toBe(true);
    expectFaithfulPieces('a'.repeat(10_000), pieces, context);
  });

  it('counts context and columns in characters, not bytes, and never cuts a character in two', () => {
    repo = createTestRepo({ init: false });
    const rng = seededRng(7);
    const alphabet = ['a', 'b', ' ', '\n', 'é', '日', '😀', '\r\n', '=', 'Z'];
    for (const [chunk, context] of [
      [64, { before: 10, after: 30 }],
      [257, { before: 40, after: 7 }],
      [1000, { before: 300, after: 300 }],
    ] as const) {
      const whole = Array.from({ length: 6000 }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
      expectFaithfulPieces(whole, read('mixed.txt', whole, chunk, context), context);
    }
  });

  it('keeps invalid UTF-8 as replacement characters wherever the cuts fall', () => {
    repo = createTestRepo({ init: false });
    const bytes = Buffer.concat(
      Array.from({ length: 400 }, (_, i) =>
        Buffer.from([0x61, 0x80, 0x80, 0x80, 0x80, 0xe6, 0x97, 0xa5, 0xe6, 0x97, 0x0a, 0xf0 + (i % 8)]),
      ),
    );
    const context = { before: 20, after: 20 };
    expectFaithfulPieces(bytes.toString('utf8'), read('bad.txt', bytes, 100, context), context);
  });

  it('gives small, binary and too-large files the whole-file answer', () => {
    repo = createTestRepo({ init: false });
    writeFileSync(join(repo.root, 'small.txt'), 'hello\n');
    writeFileSync(join(repo.root, 'blob.bin'), Buffer.concat([Buffer.from('abc\0'), Buffer.alloc(9000, 1)]));
    expect([...readChunksSync(repo.root, 'small.txt', 1e9, 4096)]).toEqual([
      { path: 'small.txt', text: 'hello\n', startLine: 1 },
    ]);
    expect([...readChunksSync(repo.root, 'blob.bin', 1e9, 4096)]).toMatchObject([{ reason: 'binary' }]);
    expect([...readChunksSync(repo.root, 'blob.bin', 100, 4096)]).toMatchObject([{ reason: 'too-large' }]);
    expect([...readChunksSync(repo.root, 'gone.txt', 1e9, 4096)]).toMatchObject([{ reason: 'unreadable' }]);
  });
});
