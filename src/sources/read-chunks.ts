import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { SCAN_CONTEXT } from '../scan/scan-context.js';
import type { Fragment, Notice } from '../types.js';
import {
  BINARY_PROBE,
  OPEN_FLAGS,
  binaryNotice,
  decodeText,
  decodeUtf8,
  hasUtf16Bom,
  isBinary,
  readFragmentSync,
  refuse,
  unreadableNotice,
} from './read-fragment.js';

/** Files larger than this are read in pieces, so memory stays flat whatever the file size. */
export const CHUNK_BYTES = 1024 * 1024;

/** Characters of the neighbours' text each piece carries before and after its own part. */
export interface PieceContext {
  before: number;
  after: number;
}

/**
 * Reads a file as one fragment, or — past `chunkBytes` — as consecutive pieces of about
 * `chunkBytes` each, so a 70 MB JSON file costs a ~1.2 MB buffer, not 70 MB plus its string.
 * Pieces are cut anywhere, mid-line too (minified bundles are one long line, and keys leak there):
 * each carries `context` characters of the text around its own part, and reports only the secrets
 * that start in its own part (`reportFrom`/`reportTo`), so a key across a cut, a PEM block across
 * one, or a base64 value near one is found once, whole, as in the whole file. Each piece knows the
 * line and column its text starts at, so positions are the file's. Never throws: problems are notices.
 */
export function* readChunksSync(
  root: string,
  path: string,
  maxBytes: number,
  chunkBytes = CHUNK_BYTES,
  context: PieceContext = SCAN_CONTEXT,
): Generator<Fragment | Notice> {
  let fd: number | undefined;
  try {
    fd = openSync(join(root, path), OPEN_FLAGS);
    const stats = fstatSync(fd);
    if (stats.size <= chunkBytes || refuse(path, stats, maxBytes)) {
      yield readFragmentSync(root, path, maxBytes);
      return;
    }
    const head = Buffer.allocUnsafe(BINARY_PROBE);
    const probe = head.subarray(0, readSync(fd, head, 0, BINARY_PROBE, 0));
    if (isBinary(probe)) return yield binaryNotice(path);
    if (hasUtf16Bom(probe)) return yield readFragmentSync(root, path, maxBytes);
    yield* piecesOf(fd, path, stats.size, chunkBytes, context);
  } catch (error) {
    yield unreadableNotice(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Byte positions below are file offsets. Each piece's own part is [own, ownEnd); its text is
 * [start, end), reaching `context` characters further each way. A character takes at most 3 bytes
 * per UTF-16 unit (CJK), so walking back over `before` character starts, or 3 × before bytes,
 * always covers `before` units; cuts sit on character starts so pieces decode as the whole file does.
 */
function* piecesOf(
  fd: number,
  path: string,
  size: number,
  chunkBytes: number,
  context: PieceContext,
): Generator<Fragment> {
  const buffer = Buffer.allocUnsafe(chunkBytes + 3 * (context.before + context.after) + 16);
  let held = 0; // the buffer holds file bytes [start, start + held)
  let start = 0;
  let own = 0;
  let line = 1;
  let column = 0;
  for (;;) {
    held = fill(fd, buffer, held, start, size);
    const available = start + held;
    const atEnd = available >= size || held < buffer.length;
    const ownEnd =
      atEnd && available - own <= chunkBytes ? available : charStart(buffer, start, own + chunkBytes, own + 1);
    const end = ownEnd >= available ? available : forwardOver(buffer, start, ownEnd, available, context.after);
    const bytes = (from: number, to: number) => buffer.subarray(from - start, to - start);
    const decode = (from: number, to: number) =>
      from === 0 ? decodeText(bytes(from, to)) : decodeUtf8(bytes(from, to));
    const text = decode(start, end);
    const reportFrom = own > start ? decode(start, own).length : 0;
    const reportTo = end > ownEnd ? text.length - decode(ownEnd, end).length : text.length;
    yield {
      path,
      text,
      startLine: line,
      ...(column > 0 && { startColumn: column }),
      ...(reportFrom > 0 && { reportFrom }),
      ...(reportTo < text.length && { reportTo }),
    };
    if (ownEnd >= available) return;
    const next = backOver(buffer, start, ownEnd, context.before);
    const skipped = text.length - decode(next, end).length;
    const lastNewline = text.lastIndexOf('\n', skipped - 1);
    line += countNewlines(text, skipped);
    column = lastNewline >= 0 && skipped > 0 ? skipped - lastNewline - 1 : column + skipped;
    buffer.copy(buffer, 0, next - start, held);
    held -= next - start;
    start = next;
    own = ownEnd;
  }
}

/** Reads from the file until the buffer is full or the file ends; returns the bytes held. */
function fill(fd: number, buffer: Buffer, held: number, start: number, size: number): number {
  while (held < buffer.length && start + held < size) {
    const n = readSync(fd, buffer, held, buffer.length - held, start + held);
    if (n === 0) break;
    held += n;
  }
  return held;
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

/** `at`, moved back (not below `floor`, at most 3 bytes) to the first byte of a UTF-8 character. */
function charStart(buffer: Buffer, start: number, at: number, floor: number): number {
  for (let i = at; i > Math.max(floor, at - 3); i--) if (!isContinuation(buffer[i - start]!)) return i;
  return at; // invalid bytes: each decodes alone, so any cut among them decodes the same
}

/** The first character start at or before `at` with `chars` characters (or 3 × chars bytes) between. */
function backOver(buffer: Buffer, start: number, at: number, chars: number): number {
  const floor = Math.max(start, at - 3 * chars);
  let i = at;
  for (let n = 0; i > floor && n < chars;) if (!isContinuation(buffer[--i - start]!)) n++;
  return i === floor && i > start ? charStart(buffer, start, i, start) : i;
}

/** The first character start at or after `at` with `chars` characters (or 3 × chars bytes) between, or `limit`. */
function forwardOver(buffer: Buffer, start: number, at: number, limit: number, chars: number): number {
  const ceil = Math.min(limit, at + 3 * chars);
  let i = at;
  for (let n = 0; i < ceil && n < chars; i++) if (!isContinuation(buffer[i - start]!)) n++;
  while (i < limit && i < ceil + 3 && isContinuation(buffer[i - start]!)) i++;
  return i;
}

function countNewlines(text: string, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
