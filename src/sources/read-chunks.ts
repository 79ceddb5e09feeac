import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Fragment, Notice } from '../types.js';
import { BINARY_PROBE, OPEN_FLAGS, binaryNotice, decodeText, decodeUtf8, hasUtf16Bom, isBinary, readFragmentSync, refuse, unreadableNotice } from './read-fragment.js';

/** Files larger than this are read in pieces, so memory stays flat whatever the file size. */
export const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads a file as one fragment, or — past `chunkBytes` — as consecutive fragments cut at line ends,
 * each with its own `startLine`, so a 70 MB JSON file costs a 4 MB buffer, not 70 MB plus its string.
 * A single line longer than a chunk is cut where the chunk ends (a key straddling that cut is missed;
 * such lines are minified bundles, where keys are rare). Never throws: problems are notices.
 */
export function* readChunksSync(root: string, path: string, maxBytes: number, chunkBytes = CHUNK_BYTES): Generator<Fragment | Notice> {
  let fd: number | undefined;
  try {
    fd = openSync(join(root, path), OPEN_FLAGS);
    const stats = fstatSync(fd);
    if (stats.size <= chunkBytes || refuse(path, stats, maxBytes)) {
      yield readFragmentSync(root, path, maxBytes);
      return;
    }
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const head = buffer.subarray(0, readSync(fd, buffer, 0, Math.min(BINARY_PROBE, chunkBytes), 0));
    if (isBinary(head)) return yield binaryNotice(path);
    if (hasUtf16Bom(head)) return yield readFragmentSync(root, path, maxBytes);
    yield* chunksOf(fd, path, buffer, stats.size);
  } catch (error) {
    yield unreadableNotice(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function* chunksOf(fd: number, path: string, buffer: Buffer, size: number): Generator<Fragment> {
  let position = 0;
  let line = 1;
  let carry = 0;
  for (let first = true; ; first = false) {
    const read = position < size ? readSync(fd, buffer, carry, buffer.length - carry, position) : 0;
    position += read;
    const filled = carry + read;
    if (filled === 0) return;
    const atEnd = position >= size || read === 0;
    const lastNewline = buffer.lastIndexOf(NEWLINE, filled - 1);
    const cut = atEnd || lastNewline < 0 ? filled : lastNewline + 1;
    const bytes = buffer.subarray(0, cut);
    yield { path, text: first ? decodeText(bytes) : decodeUtf8(bytes), startLine: line };
    line += countNewlines(buffer, 0, cut);
    buffer.copy(buffer, 0, cut, filled);
    carry = filled - cut;
    if (atEnd && carry === 0) return;
  }
}

function countNewlines(buffer: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buffer.indexOf(NEWLINE, from); i !== -1 && i < to; i = buffer.indexOf(NEWLINE, i + 1)) n++;
  return n;
}
