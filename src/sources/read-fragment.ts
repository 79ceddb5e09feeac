import { isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Fragment, Notice } from '../types.js';
import { oneLineError } from '../one-line-error.js';

/** Never follow a symlink (the listing judged it), never block on a FIFO opened by mistake. */
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Like git, a NUL byte in the first 8 KiB makes a file binary. */
export const BINARY_PROBE = 8 * 1024;

/**
 * Reads one file of a tree as a whole-file fragment, or says why not as a notice: over the size
 * limit ('too-large'), binary ('binary'), or not readable ('unreadable': permissions, gone, not a
 * regular file). It never throws, so one bad file never stops a scan.
 *
 * Text is decoded as UTF-8 with replacement characters for invalid bytes (a Latin-1 file keeps
 * its ASCII, and keys are ASCII); a UTF-8 BOM is dropped so columns match editors; a UTF-16 file
 * with a BOM is decoded as UTF-16. Line endings are kept as they are: CRLF stays, and detector
 * patterns stop at "\r". Blocking reads: it runs in the scan's worker threads, where they cost no
 * event-loop time.
 */
export function readFragmentSync(root: string, path: string, maxBytes: number): Fragment | Notice {
  let fd: number | undefined;
  try {
    fd = openSync(join(root, path), OPEN_FLAGS);
    const stats = fstatSync(fd);
    const read = refuse(path, stats, maxBytes) ?? readOpenSync(fd, path, stats.size);
    return 'reason' in read ? read : toFragment(path, read);
  } catch (error) {
    return unreadableNotice(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where a reader puts the bytes it reads: a buffer of at least `size` bytes, maybe one it reuses. */
export type BufferFor = (size: number) => Buffer;

/**
 * One buffer reused for every read, grown to the largest asked for, so reading thousands of files
 * allocates (and collects) nothing per file. What it held is gone at the next read.
 */
export function reusedBuffer(): BufferFor {
  let buffer = Buffer.alloc(0);
  return (size) => {
    if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
    return buffer;
  };
}

/** The bytes of an open file of `size` bytes (in `into`'s buffer), or the binary notice. May throw. */
export function readOpenSync(
  fd: number,
  path: string,
  size: number,
  into: BufferFor = Buffer.allocUnsafe,
): Buffer | Notice {
  const bytes = into(size);
  let read = readSync(fd, bytes, 0, Math.min(BINARY_PROBE, size), 0);
  if (isBinary(bytes.subarray(0, read))) return binaryNotice(path);
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

export function refuse(path: string, stats: Stats, maxBytes: number): Notice | undefined {
  if (!stats.isFile()) return { path, reason: 'unreadable', message: `not a regular file (${kindOf(stats)}), skipped` };
  if (stats.size > maxBytes) {
    return {
      path,
      reason: 'too-large',
      message: `${formatBytes(stats.size)} is over the ${formatBytes(maxBytes)} size limit, skipped`,
    };
  }
  return undefined;
}

export function isBinary(head: Buffer): boolean {
  return !hasUtf16Bom(head) && head.includes(0);
}

export function hasUtf16Bom(b: Buffer): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** Decodes file bytes as the text a person sees in an editor (see readFragmentSync). */
export function decodeText(bytes: Buffer): string {
  if (hasUtf16Bom(bytes)) return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return decodeUtf8(bytes.subarray(bom));
}

/** UTF-8 with replacement characters; pure ASCII (most source) through Latin-1, the same string ~5x faster. */
export function decodeUtf8(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** A whole file's bytes as its fragment. */
export function toFragment(path: string, bytes: Buffer): Fragment {
  return { path, text: decodeText(bytes), startLine: 1 };
}

export function binaryNotice(path: string): Notice {
  return { path, reason: 'binary', message: 'binary file (NUL byte in the first 8 KiB), skipped' };
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no longer exists',
  ELOOP: 'is a symlink, not followed',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
};

export function unreadableNotice(path: string, error: unknown): Notice {
  const code = (error as NodeJS.ErrnoException)?.code;
  const why = (code && WHY[code]) ?? oneLineError(error);
  return { path, reason: 'unreadable', message: `could not read: ${why}${code && WHY[code] ? ` (${code})` : ''}` };
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isSymbolicLink()) return 'symlink';
  return 'device';
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
