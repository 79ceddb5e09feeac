import type { Config } from '../policy/config-schema.js';
import { CHUNK_BYTES, readPiecesSync, type BytePiece } from '../sources/read-chunks.js';
import { reusedBuffer } from '../sources/read-fragment.js';
import type { ByteHits } from './byte-prefilter.js';
import type { Finding, Notice } from '../types.js';
import { SCAN_CONTEXT } from './scan-context.js';
import { createScannerForConfig } from './scanner-for-config.js';

/** What scanning a batch of files gave. */
export interface BatchResult {
  findings: Finding[];
  notices: Notice[];
  files: number;
  bytes: number;
}

/**
 * Reads and scans files one by one; a file that cannot be read is a notice, never an abort. The
 * keyword search runs on each file's (or piece's) bytes, in one reused buffer: only text with a
 * keyword in it is decoded to a string, and its hits go to the scanner with it (see scanPiece).
 */
export function createFileScanner(
  root: string,
  config: Config,
  maxBytes: number,
  onSecret?: (secret: string, detector: string) => void,
) {
  const scan = createScannerForConfig(config, onSecret);
  const into = reusedBuffer();

  function scanPiece(piece: BytePiece): Finding[] {
    if (!piece.bytes) return scan(piece.decode());
    const hits = scan.prefilter.scan(piece.bytes);
    if (hits.count === 0 && !scan.needsEveryText) return [];
    const fragment = piece.decode();
    return scan.withHits(fragment, fragment.text.length === piece.bytes.length ? hits : textOffsets(piece, hits));
  }

  return async function scanFiles(paths: readonly string[]): Promise<BatchResult> {
    const out: BatchResult = { findings: [], notices: [], files: 0, bytes: 0 };
    for (const path of paths) {
      let readable = false;
      // One finding per key per file: the same value repeated down a file is one leak to fix.
      const seen = new Set<string>();
      for (const read of readPiecesSync(root, path, maxBytes, CHUNK_BYTES, SCAN_CONTEXT, into)) {
        if ('reason' in read) {
          out.notices.push(read);
          continue;
        }
        readable = true;
        out.bytes += read.ownBytes; // the shared context counts once
        for (const f of scanPiece(read)) {
          if (!seen.has(f.fingerprint)) out.findings.push(f);
          seen.add(f.fingerprint);
        }
      }
      if (readable) out.files++;
    }
    return out;
  };
}

/**
 * The hits at their offsets in the piece's text. When the text is as long as the bytes, each byte
 * is one character (no UTF-8 sequence or replacement makes more characters than bytes) and the
 * offsets are the same. Otherwise (a few non-ASCII characters in a large bundle: most bytes of real
 * code, measured) each hit is placed by the characters the bytes before it stand for, counted
 * range by range between hits, decoding only ranges that are not ASCII.
 */
function textOffsets(piece: BytePiece, hits: ByteHits): ByteHits {
  const start = new Uint32Array(hits.count);
  let at = 0;
  let units = 0;
  for (let i = 0; i < hits.count; i++) {
    units += piece.units(at, hits.start[i]!);
    at = hits.start[i]!;
    start[i] = units;
  }
  return { count: hits.count, keyword: hits.keyword, start };
}
