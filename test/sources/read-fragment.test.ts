import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFragmentSync } from '../../src/sources/read-fragment.js';
import type { Fragment, Notice } from '../../src/types.js';

const root = mkdtempSync(join(tmpdir(), 'kh-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function put(path: string, content: string | Buffer): string {
  writeFileSync(join(root, path), content);
  return path;
}

const readers = [
  ['readFragmentSync', (r: string, p: string, max: number) => Promise.resolve(readFragmentSync(r, p, max))],
] as const;

describe.each(readers)('%s', (_name, read) => {
  const text = async (path: string) => ((await read(root, path, 1024)) as Fragment).text;
  const notice = async (path: string, max = 1024) => (await read(root, path, max)) as Notice;

  it('reads a whole file as one fragment from line 1, CRLF and a missing final newline kept', async () => {
    put('crlf.txt', 'MARKER-1\r\nMARKER-2');
    expect(await read(root, 'crlf.txt', 1024)).toEqual({
      path: 'crlf.txt',
      text: 'MARKER-1\r\nMARKER-2',
      startLine: 1,
    });
  });

  it('decodes invalid UTF-8 and Latin-1 with replacement characters, keeping the ASCII', async () => {
    put('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x4d, 0x41, 0x52, 0x4b, 0x45, 0x52]));
    expect(await text('latin1.txt')).toBe('caf\ufffd MARKER');
  });

  it('drops a UTF-8 BOM and decodes UTF-16 files that start with a BOM', async () => {
    put('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('MARKER-BOM')]));
    put('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('MARKER-UTF16', 'utf16le')]));
    expect(await text('bom.txt')).toBe('MARKER-BOM');
    expect(await text('utf16.txt')).toBe('MARKER-UTF16');
  });

  it('reads an empty file as an empty fragment', async () => {
    put('empty.txt', '');
    expect(await text('empty.txt')).toBe('');
  });

  it('skips a binary file (a NUL byte in the first 8 KiB), but not one with a NUL later', async () => {
    put('bin.dat', Buffer.from([0x4d, 0x00, 0x41]));
    put('late-nul.txt', Buffer.concat([Buffer.alloc(9000, 0x41), Buffer.from([0])]));
    expect(await notice('bin.dat')).toMatchObject({ path: 'bin.dat', reason: 'binary' });
    expect(await read(root, 'late-nul.txt', 10_000)).toHaveProperty('text');
  });

  it('skips a file over the size limit, saying the sizes', async () => {
    put('big.txt', 'x'.repeat(3 * 1024));
    expect(await notice('big.txt', 2048)).toEqual({
      path: 'big.txt',
      reason: 'too-large',
      message: '3 KiB is over the 2 KiB size limit, skipped',
    });
    expect(await read(root, 'big.txt', 3 * 1024)).toHaveProperty('text');
  });

  it('reports what cannot be read and goes on: a FIFO (without blocking), a folder, a missing file, a symlink', async () => {
    const fifo = `fifo-${_name}`;
    execFileSync('mkfifo', [join(root, fifo)]);
    mkdirSync(join(root, `dir-${_name}`));
    symlinkSync('crlf.txt', join(root, `link-${_name}`));
    expect(await notice(fifo)).toEqual({
      path: fifo,
      reason: 'unreadable',
      message: 'not a regular file (fifo), skipped',
    });
    expect(await notice(`dir-${_name}`)).toMatchObject({
      reason: 'unreadable',
      message: 'not a regular file (directory), skipped',
    });
    expect(await notice('missing.txt')).toEqual({
      path: 'missing.txt',
      reason: 'unreadable',
      message: 'could not read: no longer exists (ENOENT)',
    });
    expect(await notice(`link-${_name}`)).toMatchObject({
      reason: 'unreadable',
      message: 'could not read: is a symlink, not followed (ELOOP)',
    });
  });

  // Root reads any file whatever its mode, so permission errors can only be produced without root.
  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', async () => {
    put(`locked-${_name}.txt`, 'MARKER');
    chmodSync(join(root, `locked-${_name}.txt`), 0o000);
    expect(await notice(`locked-${_name}.txt`)).toMatchObject({
      reason: 'unreadable',
      message: 'could not read: permission denied (EACCES)',
    });
  });
});
