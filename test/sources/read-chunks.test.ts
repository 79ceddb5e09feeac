import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readChunksSync } from '../../src/sources/read-chunks.js';
import type { Fragment } from '../../src/types.js';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

describe('readChunksSync', () => {
  it('cuts a large file at line ends and keeps line numbers', () => {
    repo = createTestRepo({ init: false });
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i + 1} ${'x'.repeat(i % 50)}`);
    writeFileSync(join(repo.root, 'big.txt'), `\uFEFF${lines.join('\r\n')}`);
    const chunks = [...readChunksSync(repo.root, 'big.txt', 1e9, 4096)] as Fragment[];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.map((c) => c.text).join('')).toBe(lines.join('\r\n'));
    for (const c of chunks) {
      const first = c.text.split('\n')[0]!;
      expect(first.startsWith(`line ${c.startLine} `)).toBe(true);
    }
  });

  it('cuts a line longer than a chunk where the chunk ends', () => {
    repo = createTestRepo({ init: false });
    writeFileSync(join(repo.root, 'min.js'), 'a'.repeat(10_000));
    const chunks = [...readChunksSync(repo.root, 'min.js', 1e9, 4096)] as Fragment[];
    expect(chunks.map((c) => c.text.length)).toEqual([4096, 4096, 1808]);
    expect(chunks.every((c) => c.startLine === 1)).toBe(true);
  });

  it('gives small, binary and too-large files the whole-file answer', () => {
    repo = createTestRepo({ init: false });
    writeFileSync(join(repo.root, 'small.txt'), 'hello\n');
    writeFileSync(join(repo.root, 'blob.bin'), Buffer.concat([Buffer.from('abc\0'), Buffer.alloc(9000, 1)]));
    expect([...readChunksSync(repo.root, 'small.txt', 1e9, 4096)]).toEqual([{ path: 'small.txt', text: 'hello\n', startLine: 1 }]);
    expect([...readChunksSync(repo.root, 'blob.bin', 1e9, 4096)]).toMatchObject([{ reason: 'binary' }]);
    expect([...readChunksSync(repo.root, 'blob.bin', 100, 4096)]).toMatchObject([{ reason: 'too-large' }]);
    expect([...readChunksSync(repo.root, 'gone.txt', 1e9, 4096)]).toMatchObject([{ reason: 'unreadable' }]);
  });
});
