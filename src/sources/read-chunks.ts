import { isAscii } from 'node:buffer';
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
  readOpenSync,
  refuse,
  toFragment,
  unreadableNotice,
  type BufferFor,
} from './read-fragment.js';

/** Files larger than this are read in pieces, so memory stays flat whatever the file size. */
export const CHUNK_BYTES = 1024 * 1024;

/** Characters of the neighbours' text each piece carries before and after its own part. */
export interface PieceContext {
  before: number;
  after: number;
}

/** A file, or a piece of one, as read and before any decoding. */
export interface BytePiece {
  path: string;
  /**
   * The piece's UTF-8 bytes (its own part and the context around it), which a keyword search can
   * read before anything is decoded; unset when the file is not UTF-8 (a UTF-16 file with a BOM),
   * whose bytes say nothing until decoded. Held in a reused buffer: gone at the next piece.
   */
  bytes?: Buffer;
  /** Bytes of the file that are this piece's own: each byte of a file is one piece's own once. */
  ownBytes: number;
  /** The piece as text, the fragment `readChunksSync` gives; call it before reading the next piece. */
  decode(): Fragment;
  /**
   * The characters (UTF-16 units) `bytes[from, to)` stand for in the decoded text, where `from`
   * and `to` sit on ASCII bytes (a keyword hit's first byte) or the ends: decoding splits there, so
   * the sum over consecutive ranges is each one's offset in the text. Call before the next piece.
   */
  units(from: number, to: number): number;
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
  for (const piece of readPiecesSync(root, path, maxBytes, chunkBytes, context)) {
    yield 'reason' in piece ? piece : piece.decode();
  }
}

/**
 * `readChunksSync` before the decoding: the same pieces (or notices) as bytes, each decoded only
 * when asked, so a piece no keyword occurs in never becomes a string. Reads into `into`'s buffer.
 */
export function* readPiecesSync(
  root: string,
  path: string,
  maxBytes: number,
  chunkBytes = CHUNK_BYTES,
  context: PieceContext = SCAN_CONTEXT,
  into: BufferFor = Buffer.allocUnsafe,
): Generator<BytePiece | Notice> {
  let fd: number | undefined;
  try {
    fd = openSync(join(root, path), OPEN_FLAGS);
    const stats = fstatSync(fd);
    const refused = refuse(path, stats, maxBytes);
    if (refused) return yield refused;
    if (stats.size <= chunkBytes) return yield wholePiece(path, readOpenSync(fd, path, stats.size, into));
    const head = Buffer.allocUnsafe(BINARY_PROBE);
    const probe = head.subarray(0, readSync(fd, head, 0, BINARY_PROBE, 0));
    if (isBinary(probe)) return yield binaryNotice(path);
    // A UTF-16 file is read whole, in a buffer of its own: the reused one stays chunk-sized.
    if (hasUtf16Bom(probe)) return yield wholePiece(path, readOpenSync(fd, path, stats.size));
    yield* piecesOf(fd, path, stats.size, chunkBytes, context, into);
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
function wholePiece(path: string, read: Buffer | Notice): BytePiece | Notice {
  if ('reason' in read) return read;
  return {
    path,
    ...(!hasUtf16Bom(read) && { bytes: read }),
    ownBytes: read.length,
    decode: () => toFragment(path, read),
    units: (from, to) => unitsOf(read.subarray(from, to), from === 0 ? decodeText : decodeUtf8),
  };
}

function* piecesOf(
  fd: number,
  path: string,
  size: number,
  chunkBytes: number,
  context: PieceContext,
  into: BufferFor,
): Generator<BytePiece> {
  const buffer = into(chunkBytes + 3 * (context.before + context.after) + 16);
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
    const units = (from: number, to: number) => unitsOf(bytes(from, to), () => decode(from, to));
    const piece = { start, own, ownEnd, end, line, column };
    yield {
      path,
      bytes: bytes(start, end),
      ownBytes: ownEnd - own,
      decode() {
        const text = decode(piece.start, piece.end);
        const reportFrom = piece.own > piece.start ? decode(piece.start, piece.own).length : 0;
        const reportTo = piece.end > piece.ownEnd ? text.length - decode(piece.ownEnd, piece.end).length : text.length;
        return {
          path,
          text,
          startLine: piece.line,
          ...(piece.column > 0 && { startColumn: piece.column }),
          ...(reportFrom > 0 && { reportFrom }),
          ...(reportTo < text.length && { reportTo }),
        };
      },
      units: (from, to) => units(piece.start + from, piece.start + to),
    };
    if (ownEnd >= available) return;
    // Where the next piece starts, in lines and columns, read off the bytes: a newline is one byte
    // and never inside a character, and ASCII bytes are one character each (the rest is decoded).
    const next = backOver(buffer, start, ownEnd, context.before);
    const lastNewline = next > start ? buffer.lastIndexOf(10, next - start - 1) : -1;
    line += countNewlines(buffer, next - start);
    column = lastNewline >= 0 ? units(start + lastNewline + 1, next) : column + units(start, next);
    buffer.copy(buffer, 0, next - start, held);
    held -= next - start;
    start = next;
    own = ownEnd;
  }
}

/** Characters the bytes decode to: as many as bytes when they are ASCII (most code), else decoded and counted. */
function unitsOf(bytes: Buffer, decode: (bytes: Buffer) => string): number {
  return isAscii(bytes) ? bytes.length : decode(bytes).length;
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
  // ASCII (most code): one byte a character, checked natively instead of walked byte by byte.
  if (at - chars >= start && isAscii(buffer.subarray(at - chars - start, at - start))) return at - chars;
  const floor = Math.max(start, at - 3 * chars);
  let i = at;
  for (let n = 0; i > floor && n < chars;) if (!isContinuation(buffer[--i - start]!)) n++;
  return i === floor && i > start ? charStart(buffer, start, i, start) : i;
}

/** The first character start at or after `at` with `chars` characters (or 3 × chars bytes) between, or `limit`. */
function forwardOver(buffer: Buffer, start: number, at: number, limit: number, chars: number): number {
  const ceil = Math.min(limit, at + 3 * chars);
  let i = at;
  if (isAscii(buffer.subarray(at - start, Math.min(limit, at + chars) - start))) i = Math.min(limit, at + chars);
  else for (let n = 0; i < ceil && n < chars; i++) if (!isContinuation(buffer[i - start]!)) n++;
  while (i < limit && i < ceil + 3 && isContinuation(buffer[i - start]!)) i++;
  return i;
}

function countNewlines(buffer: Buffer, to: number): number {
  const bytes = buffer.subarray(0, to);
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
